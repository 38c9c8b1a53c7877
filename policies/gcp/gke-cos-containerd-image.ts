import { cisGke, resourcePolicy } from "../core";
import { autopilotManagesNodes, forEachTarget, type GkeProps, gkeClusterOrPool, nodeTargets } from "./gke-nodes";
import { readString, wrong } from "./gke-values";

export const gkeCosContainerdImage = resourcePolicy<GkeProps>({
    name: "gke-cos-containerd-image",
    description: "Linux nodes run Container-Optimized OS with containerd, the hardened GKE node image.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["gcp", "nodes"],
    framework: cisGke("5.5.1", "Ensure Container-Optimized OS (cos_containerd) is used for GKE node images"),
    remediationSteps:
        "Set `nodeConfig.imageType: \"COS_CONTAINERD\"` (or omit it: it is the default) on the gcp.container.NodePool and " +
        "the Cluster's nodeConfig / inline nodePools / autoProvisioningDefaults.",
    url: "https://cloud.google.com/kubernetes-engine/docs/concepts/node-images",
    appliesTo: gkeClusterOrPool,
    validate: (props, ctx) => {
        const targets = nodeTargets(props, ctx, { autopilotReason: autopilotManagesNodes, autoProvisioning: true });
        forEachTarget(ctx, targets, (target) => {
            const fix = "set imageType: \"COS_CONTAINERD\"";
            const image = readString(ctx, target.config, "imageType", fix, target.path);
            if (image === wrong) return;
            const upper = image?.trim().toUpperCase();
            // Absent means the default, COS_CONTAINERD. Windows node pools cannot run COS and are left alone.
            if (upper === undefined || upper === "COS_CONTAINERD" || upper.startsWith("WINDOWS_")) return;
            ctx.violation(`${target.path}.imageType`, `is ${JSON.stringify(image)}${target.where}`, fix);
        });
    },
});
