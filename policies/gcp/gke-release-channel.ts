import { asDict, cisGke, gcp, resourcePolicy } from "../core";
import { type ClusterProps, isAutopilot } from "./gke-nodes";
import { readString, wrong } from "./gke-values";

const fix = "set releaseChannel: { channel: \"REGULAR\" } (or \"STABLE\" / \"RAPID\")";

/**
 * What keeps a new Standard cluster without `releaseChannel` out of every channel. Otherwise GKE enrolls it:
 * in REGULAR, or, when the control-plane version is pinned, in the most mature channel that offers it
 * ("This only affects clusters with node auto upgrades enabled and no explicit node version specified",
 * google.container.v1 CreateClusterRequest, googleapis 2023-05).
 */
function outsideChannels(cluster: ClusterProps): string | undefined {
    if (typeof cluster.nodeVersion === "string" && cluster.nodeVersion.trim()) return "nodeVersion is pinned";
    const pools = Array.isArray(cluster.nodePools) ? cluster.nodePools : [];
    for (const [i, pool] of pools.entries()) {
        const settings = asDict(pool);
        if (typeof settings?.version === "string" && settings.version.trim()) return `nodePools[${i}].version is pinned`;
        if (asDict(settings?.management)?.autoUpgrade === false) return `nodePools[${i}].management.autoUpgrade is false`;
    }
    return undefined;
}

export const gkeReleaseChannel = resourcePolicy<ClusterProps>({
    name: "gke-release-channel",
    description: "The cluster is enrolled in a release channel, so GKE keeps its version patched.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "upgrades"],
    framework: cisGke("5.5.4", "When creating New Clusters - Automate GKE version management using Release Channels"),
    remediationSteps:
        "On the gcp.container.Cluster set `releaseChannel: { channel: \"REGULAR\" }` (or \"STABLE\"), or leave it unset without " +
        "pinning `nodeVersion` (GKE then enrolls new clusters in REGULAR); never set `channel: \"UNSPECIFIED\"`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        const channel = readString(ctx, cluster, "releaseChannel.channel", fix);
        if (channel === wrong) return;
        const upper = channel?.trim().toUpperCase();
        if (upper && upper !== "UNSPECIFIED") return;
        if (upper === undefined) {
            // Autopilot clusters are always enrolled; Standard ones unless something keeps them out.
            const reason = isAutopilot(cluster) ? undefined : outsideChannels(cluster);
            if (reason) ctx.violation("releaseChannel.channel", `is absent and ${reason}, so GKE creates the cluster outside every release channel`, fix);
            return;
        }
        ctx.violation("releaseChannel.channel", `is ${JSON.stringify(channel)}, which opts out of release channels`, fix);
    },
});
