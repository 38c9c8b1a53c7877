// The kubeconfig of a GKE cluster as Pulumi's kubernetes-gcp-typescript template builds it, from the
// cluster's outputs: unknown in a first preview, so the engine does not call the Kubernetes provider.
import type * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";

export function gkeKubeconfig(cluster: gcp.container.Cluster): pulumi.Output<string> {
    return pulumi.interpolate`apiVersion: v1
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
}
