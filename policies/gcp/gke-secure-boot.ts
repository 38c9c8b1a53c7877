import { cisGke, resourcePolicy } from "../core";
import { autopilotManagesNodes, forEachTarget, type GkeProps, gkeClusterOrPool, nodeTargets } from "./gke-nodes";
import { readBool, wrong } from "./gke-values";

export const gkeSecureBoot = resourcePolicy<GkeProps>({
    name: "gke-secure-boot",
    description: "Nodes boot with Secure Boot, so only signed boot components and kernel modules run.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "nodes"],
    framework: cisGke("5.5.7", "Ensure Secure Boot for Shielded GKE Nodes is Enabled"),
    remediationSteps:
        "Set `nodeConfig.shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true }` on every " +
        "gcp.container.NodePool (and the Cluster's nodeConfig / inline nodePools, and " +
        "`clusterAutoscaling.autoProvisioningDefaults.shieldedInstanceConfig` with node auto-provisioning).",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes#secure_boot",
    appliesTo: gkeClusterOrPool,
    validate: (props, ctx) => {
        const targets = nodeTargets(props, ctx, { autopilotReason: autopilotManagesNodes, autoProvisioning: true });
        forEachTarget(ctx, targets, (target) => {
            const fix = "set shieldedInstanceConfig: { enableSecureBoot: true }";
            const secureBoot = readBool(ctx, target.config, "shieldedInstanceConfig.enableSecureBoot", fix, target.path);
            if (secureBoot === true || secureBoot === wrong) return;
            // schemaNodeConfig: enable_secure_boot has Default false, and GKE's ShieldedInstanceConfig defaults it off.
            ctx.violation(
                `${target.path}.shieldedInstanceConfig.enableSecureBoot`,
                secureBoot === false ? `is false${target.where}` : `is absent${target.where}, and GKE then boots nodes without Secure Boot`,
                fix,
            );
        });
    },
});
