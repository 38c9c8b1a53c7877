// One program, two GKE clusters, a Kubernetes Provider for each: the same Namespace "shop" and the same
// Deployment "web" in both, and a default-deny ingress NetworkPolicy only in the blue cluster. The green
// cluster's pods are not covered by the blue cluster's policy.
import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import { gkeKubeconfig } from "./gke-kubeconfig";

const appLabels = { app: "web" };

for (const colour of ["blue", "green"]) {
    const cluster = new gcp.container.Cluster(colour, { location: "europe-west1", initialNodeCount: 1, deletionProtection: false });
    const provider = new k8s.Provider(colour, { kubeconfig: gkeKubeconfig(cluster) });

    const ns = new k8s.core.v1.Namespace(`${colour}-shop`, { metadata: { name: "shop" } }, { provider });
    const namespace = ns.metadata.name;

    if (colour === "blue") {
        new k8s.networking.v1.NetworkPolicy(`${colour}-default-deny-ingress`, {
            metadata: { name: "default-deny-ingress", namespace },
            spec: { podSelector: {}, policyTypes: ["Ingress"] },
        }, { provider });
    }

    new k8s.apps.v1.Deployment(`${colour}-web`, {
        metadata: { name: "web", namespace },
        spec: {
            selector: { matchLabels: appLabels },
            template: {
                metadata: { labels: appLabels },
                spec: { containers: [{ name: "web", image: "registry.example.com/shop/web:1.4.2" }] },
            },
        },
    }, { provider });
}
