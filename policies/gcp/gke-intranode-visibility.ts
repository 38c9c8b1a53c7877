import { asBool, cisGke, gcp, resourcePolicy } from "../core";
import type { ClusterProps } from "./gke-nodes";

export const gkeIntranodeVisibility = resourcePolicy<ClusterProps>({
    name: "gke-intranode-visibility",
    description: "Intranode visibility is on, so pod-to-pod traffic on one node passes the VPC network and its flow logs.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["gcp", "network"],
    framework: cisGke("5.6.1", "Enable VPC Flow Logs and Intranode Visibility"),
    remediationSteps: "On the gcp.container.Cluster set `enableIntranodeVisibility: true`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/intranode-visibility",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        const enabled = asBool(cluster.enableIntranodeVisibility);
        if (enabled === true) return;
        ctx.violation(
            "enableIntranodeVisibility",
            enabled === false ? "is false" : "is absent, and GKE then keeps same-node pod traffic out of VPC flow logs",
            "set enableIntranodeVisibility: true",
        );
    },
});
