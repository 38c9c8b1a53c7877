import { resourcePolicy, show, wrongType } from "../core";
import { autopilotManagesNodes, forEachTarget, type GkeProps, gkeClusterOrPool, nodeTargets } from "./gke-nodes";
import { readDict, wrong } from "./gke-values";

export const gkeLegacyMetadataDisabled = resourcePolicy<GkeProps>({
    name: "gke-legacy-metadata-disabled",
    description: "The legacy Compute Engine metadata endpoints (v0.1, v1beta1) stay disabled on nodes.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "nodes"],
    remediationSteps:
        "Remove `disable-legacy-endpoints` from `nodeConfig.metadata` or set it to \"true\" on the gcp.container.NodePool " +
        "(and the gcp.container.Cluster's nodeConfig / inline nodePools).",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/protecting-cluster-metadata",
    appliesTo: gkeClusterOrPool,
    validate: (props, ctx) => {
        // GKE sets disable-legacy-endpoints=true itself since 1.12, so an absent key is safe.
        forEachTarget(ctx, nodeTargets(props, ctx, { autopilotReason: autopilotManagesNodes }), (target) => {
            const fix = "set it to \"true\" or remove the key";
            const metadata = readDict(ctx, target.config, "metadata", "set metadata to a map of strings", target.path);
            if (metadata === wrong || metadata === undefined) return;
            const path = `${target.path}.metadata["disable-legacy-endpoints"]`;
            const value = metadata["disable-legacy-endpoints"];
            if (value === undefined || value === null) return;
            if (typeof value !== "string" && typeof value !== "boolean") {
                ctx.violation(path, wrongType("the string \"true\"", value), fix);
                return;
            }
            const text = String(value).trim().toLowerCase();
            if (text === "true") return;
            ctx.violation(
                path,
                text === "false"
                    ? `is ${show(value)}${target.where}, which re-enables the legacy metadata endpoints`
                    : `is ${show(value)}${target.where}; only "true" disables the legacy metadata endpoints`,
                fix,
            );
        });
    },
});
