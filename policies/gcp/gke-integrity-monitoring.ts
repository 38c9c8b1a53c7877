import { cisGke, resourcePolicy } from "../core";
import { autopilotManagesNodes, forEachTarget, type GkeProps, gkeClusterOrPool, nodeTargets } from "./gke-nodes";
import { readBool } from "./gke-values";

export const gkeIntegrityMonitoring = resourcePolicy<GkeProps>({
    name: "gke-integrity-monitoring",
    description: "Integrity monitoring stays on, so changes to a node's boot sequence are detected.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "nodes"],
    framework: cisGke("5.5.6", "Ensure Integrity Monitoring for Shielded GKE Nodes is Enabled"),
    remediationSteps:
        "Remove `shieldedInstanceConfig.enableIntegrityMonitoring: false` from `nodeConfig` of the gcp.container.NodePool " +
        "(and the Cluster's nodeConfig / inline nodePools / autoProvisioningDefaults), or set it to true (the default).",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes#integrity_monitoring",
    appliesTo: gkeClusterOrPool,
    validate: (props, ctx) => {
        const targets = nodeTargets(props, ctx, { autopilotReason: autopilotManagesNodes, autoProvisioning: true });
        forEachTarget(ctx, targets, (target) => {
            const fix = "remove it or set enableIntegrityMonitoring: true";
            // enableIntegrityMonitoring defaults to true (schemaNodeConfig Default); only an explicit false is a finding.
            if (readBool(ctx, target.config, "shieldedInstanceConfig.enableIntegrityMonitoring", fix, target.path) === false) {
                ctx.violation(`${target.path}.shieldedInstanceConfig.enableIntegrityMonitoring`, `is false${target.where}`, fix);
            }
        });
    },
});
