import { asDict, resourcePolicy, show } from "../core";
import { autopilotManagesNodes, type GkeProps, gkeClusterOrPool, nodeTargets } from "./gke-nodes";

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
        for (const target of nodeTargets(props, ctx, { autopilotReason: autopilotManagesNodes })) {
            const value = asDict(target.config?.metadata)?.["disable-legacy-endpoints"];
            if (value === undefined) continue;
            if (value === false || String(value).trim().toLowerCase() === "false") {
                ctx.violation(
                    `${target.path}.metadata["disable-legacy-endpoints"]`,
                    `is ${show(value)}${target.where}, which re-enables the legacy metadata endpoints`,
                    "set it to \"true\" or remove the key",
                );
            }
        }
    },
});
