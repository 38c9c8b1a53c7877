import { asBool, asDict, cisGke, resourcePolicy } from "../core";
import { autopilotManagesNodes, type GkeProps, gkeClusterOrPool, nodeTargets } from "./gke-nodes";

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
        for (const target of nodeTargets(props, ctx, { autopilotReason: autopilotManagesNodes, autoProvisioning: true })) {
            const secureBoot = asBool(asDict(target.config?.shieldedInstanceConfig)?.enableSecureBoot);
            if (secureBoot === true) continue;
            ctx.violation(
                `${target.path}.shieldedInstanceConfig.enableSecureBoot`,
                secureBoot === false ? `is false${target.where}` : `is absent${target.where}, and GKE then boots nodes without Secure Boot`,
                "set shieldedInstanceConfig: { enableSecureBoot: true }",
            );
        }
    },
});
