import { asBool, cisGke, resourcePolicy } from "../core";
import { type GkeProps, gkeClusterOrPool, nodeTargets } from "./gke-nodes";

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
        // The provider (and GKE) default autoUpgrade to true, so only an explicit false is a finding.
        const targets = nodeTargets(props, ctx, { autopilotReason: "GKE always upgrades Autopilot nodes", autoProvisioning: true }, "management");
        for (const target of targets) {
            if (asBool(target.config?.autoUpgrade) === false) {
                ctx.violation(`${target.path}.autoUpgrade`, `is false${target.where}`, "remove it or set autoUpgrade: true");
            }
        }
    },
});
