import { asDict, asString, cisGke, gcp, resourcePolicy } from "../core";
import { autopilotManagesNodes, type ClusterProps, type GkeProps, gkeClusterOrPool, nodeTargets } from "./gke-nodes";

export const gkeMetadataServer = resourcePolicy<GkeProps>({
    name: "gke-metadata-server",
    description: "Nodes run the GKE metadata server, which hides node credentials and instance metadata from pods.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "nodes"],
    framework: cisGke("5.4.1", "Ensure the GKE Metadata Server is Enabled"),
    remediationSteps:
        "Set `nodeConfig.workloadMetadataConfig: { mode: \"GKE_METADATA\" }` on every gcp.container.NodePool (and on the " +
        "gcp.container.Cluster's nodeConfig and inline nodePools when it keeps them), with Workload Identity on the cluster.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity",
    appliesTo: gkeClusterOrPool,
    validate: (props, ctx) => {
        // A cluster with Workload Identity gives its own node pools GKE_METADATA by default; a NodePool
        // resource cannot see its cluster, so there the mode must be explicit.
        const clusterWorkloadIdentity =
            gcp.cluster.has(ctx.type) && !!asString(asDict((props as ClusterProps).workloadIdentityConfig)?.workloadPool);
        for (const target of nodeTargets(props, ctx, { autopilotReason: autopilotManagesNodes })) {
            const mode = asString(asDict(target.config?.workloadMetadataConfig)?.mode);
            if (mode === "GKE_METADATA" || (mode === undefined && clusterWorkloadIdentity)) continue;
            ctx.violation(
                `${target.path}.workloadMetadataConfig.mode`,
                mode === undefined
                    ? `is absent${target.where}, and nodes then expose the Compute Engine metadata server to pods unless the cluster has Workload Identity`
                    : `is ${JSON.stringify(mode)}${target.where}`,
                "set workloadMetadataConfig: { mode: \"GKE_METADATA\" }",
            );
        }
    },
});
