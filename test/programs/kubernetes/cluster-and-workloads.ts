// The cluster and its workloads in one program, as Pulumi's kubernetes-gcp-typescript template builds the
// kubeconfig: the Kubernetes provider is configured from the new cluster's outputs. In a first preview
// that configuration is unknown, so the engine does not call the Kubernetes provider: Analyze gets each
// object's inputs as written (`metadata.namespace: ns.metadata.name` is unknown) and AnalyzeStack gets no
// outputs at all. The workloads are the hardened application of ./shop.
import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import { gkeKubeconfig } from "./gke-kubeconfig";
import { deployShop } from "./shop";

const cluster = new gcp.container.Cluster("gke", {
    location: "europe-west1",
    initialNodeCount: 1,
    deletionProtection: false,
});

const provider = new k8s.Provider("gke", { kubeconfig: gkeKubeconfig(cluster) });

deployShop({ provider });
