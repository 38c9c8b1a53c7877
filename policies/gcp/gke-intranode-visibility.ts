import { cisGke, gcp, resourcePolicy } from "../core";
import { type ClusterProps, isAutopilot } from "./gke-nodes";
import { readBool, wrong } from "./gke-values";

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
        // The provider rejects enable_intranode_visibility with enable_autopilot; Autopilot turns it on itself.
        if (isAutopilot(cluster)) ctx.notApplicable("Autopilot cluster: intranode visibility is on by default, and the provider does not let a program set it");
        const fix = "set enableIntranodeVisibility: true";
        const enabled = readBool(ctx, cluster, "enableIntranodeVisibility", fix);
        if (enabled === true || enabled === wrong) return;
        ctx.violation(
            "enableIntranodeVisibility",
            enabled === false ? "is false" : "is absent, and GKE then keeps same-node pod traffic out of VPC flow logs",
            fix,
        );
    },
});
