import { cisGke, gcp, resourcePolicy } from "../core";
import { type ClusterProps, isAutopilot } from "./gke-nodes";
import { readBool } from "./gke-values";

export const gkeShieldedNodes = resourcePolicy<ClusterProps>({
    name: "gke-shielded-nodes",
    description: "Shielded GKE Nodes stay on, so nodes prove their identity and a stolen bootstrap credential cannot join a rogue node.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "nodes"],
    framework: cisGke("5.5.5", "Ensure Shielded GKE Nodes are Enabled"),
    remediationSteps: "On the gcp.container.Cluster remove `enableShieldedNodes: false` or set `enableShieldedNodes: true` (the default).",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        if (isAutopilot(cluster)) ctx.notApplicable("Autopilot cluster: Shielded GKE Nodes are always on");
        // The provider's schema defaults enableShieldedNodes to true.
        const fix = "remove it or set enableShieldedNodes: true";
        if (readBool(ctx, cluster, "enableShieldedNodes", fix) === false) ctx.violation("enableShieldedNodes", "is false", fix);
    },
});
