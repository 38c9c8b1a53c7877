import { asString, cisGke, resourcePolicy } from "../core";
import { autopilotManagesNodes, type GkeProps, gkeClusterOrPool, nodeTargets } from "./gke-nodes";

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
        for (const target of nodeTargets(props, ctx, { autopilotReason: autopilotManagesNodes, autoProvisioning: true })) {
            const image = asString(target.config?.imageType)?.trim();
            // Absent means the default, COS_CONTAINERD. Windows node pools cannot run COS and are left alone.
            if (image === undefined || image.toUpperCase() === "COS_CONTAINERD" || image.toUpperCase().startsWith("WINDOWS_")) continue;
            ctx.violation(`${target.path}.imageType`, `is ${JSON.stringify(image)}${target.where}`, "set imageType: \"COS_CONTAINERD\"");
        }
    },
});
