import { cisGke, resourcePolicy } from "../core";
import { forEachTarget, type GkeProps, gkeClusterOrPool, nodeTargets } from "./gke-nodes";
import { readBool } from "./gke-values";

export const gkeNodeAutoUpgrade = resourcePolicy<GkeProps>({
    name: "gke-node-auto-upgrade",
    description: "Node auto-upgrade stays on, so nodes receive security patches with the control plane.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "upgrades"],
    framework: cisGke("5.5.3", "Ensure Node Auto-Upgrade is enabled for GKE nodes"),
    remediationSteps:
        "Remove `management.autoUpgrade: false` from the gcp.container.NodePool (and the Cluster's inline nodePools and " +
        "`clusterAutoscaling.autoProvisioningDefaults.management`), or set `management: { autoUpgrade: true }`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades",
    appliesTo: gkeClusterOrPool,
    validate: (props, ctx) => {
        // The API defaults autoupgrade to true when a pool sets no management block, and the provider's schema
        // defaults it to true inside one (schemaNodePool), so only an explicit false is a finding.
        const targets = nodeTargets(props, ctx, { autopilotReason: "GKE always upgrades Autopilot nodes", autoProvisioning: true }, "management");
        forEachTarget(ctx, targets, (target) => {
            const fix = "remove it or set autoUpgrade: true";
            if (readBool(ctx, target.config, "autoUpgrade", fix, target.path) === false) {
                ctx.violation(`${target.path}.autoUpgrade`, `is false${target.where}`, fix);
            }
        });
    },
});
