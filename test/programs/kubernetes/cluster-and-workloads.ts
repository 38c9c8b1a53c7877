// The cluster and its workloads in one program, as Pulumi's kubernetes-gcp-typescript template builds the
// kubeconfig: the Kubernetes provider is configured from the new cluster's outputs. In a first preview
// that configuration is unknown, so the engine does not call the Kubernetes provider: Analyze gets each
// object's inputs as written (`metadata.namespace: ns.metadata.name` is unknown) and AnalyzeStack gets no
// outputs at all. The workloads are the hardened application of ./shop.
import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { deployShop } from "./shop";

const cluster = new gcp.container.Cluster("gke", {
    location: "europe-west1",
    initialNodeCount: 1,
    deletionProtection: false,
});

const kubeconfig = pulumi.interpolate`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${cluster.masterAuth.clusterCaCertificate}
    server: https://${cluster.endpoint}
  name: ${cluster.name}
contexts:
- context:
    cluster: ${cluster.name}
    user: ${cluster.name}
  name: ${cluster.name}
current-context: ${cluster.name}
kind: Config
users:
- name: ${cluster.name}
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: gke-gcloud-auth-plugin
      provideClusterInfo: true
`;

const provider = new k8s.Provider("gke", { kubeconfig });

deployShop({ provider });
