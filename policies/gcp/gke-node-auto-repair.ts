import { cisGke, resourcePolicy } from "../core";
import { forEachTarget, type GkeProps, gkeClusterOrPool, nodeTargets } from "./gke-nodes";
import { readBool } from "./gke-values";

export const gkeNodeAutoRepair = resourcePolicy<GkeProps>({
    name: "gke-node-auto-repair",
    description: "Node auto-repair stays on, so unhealthy nodes are recreated.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "upgrades"],
    framework: cisGke("5.5.2", "Ensure Node Auto-Repair is enabled for GKE nodes"),
    remediationSteps:
        "Remove `management.autoRepair: false` from the gcp.container.NodePool (and the Cluster's inline nodePools and " +
        "`clusterAutoscaling.autoProvisioningDefaults.management`), or set `management: { autoRepair: true }`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-repair",
    appliesTo: gkeClusterOrPool,
    validate: (props, ctx) => {
        // The API defaults autorepair to true when a pool sets no management block, and the provider's schema
        // defaults it to true inside one (schemaNodePool), so only an explicit false is a finding.
        const targets = nodeTargets(props, ctx, { autopilotReason: "GKE always repairs Autopilot nodes", autoProvisioning: true }, "management");
        forEachTarget(ctx, targets, (target) => {
            const fix = "remove it or set autoRepair: true";
            if (readBool(ctx, target.config, "autoRepair", fix, target.path) === false) {
                ctx.violation(`${target.path}.autoRepair`, `is false${target.where}`, fix);
            }
        });
    },
});
