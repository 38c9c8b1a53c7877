import { asDict, asString, cisGke, gcp, resourcePolicy } from "../core";
import { type ClusterProps, isAutopilot } from "./gke-nodes";

export const gkeReleaseChannel = resourcePolicy<ClusterProps>({
    name: "gke-release-channel",
    description: "The cluster is enrolled in a release channel, so GKE keeps its version patched.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "upgrades"],
    framework: cisGke("5.5.4", "When creating New Clusters - Automate GKE version management using Release Channels"),
    remediationSteps: "On the gcp.container.Cluster set `releaseChannel: { channel: \"REGULAR\" }` (or \"STABLE\").",
    url: "https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        const channel = asString(asDict(cluster.releaseChannel)?.channel)?.trim();
        // Autopilot clusters are always enrolled (REGULAR unless set); only an explicit opt-out is a finding.
        if (channel === undefined && isAutopilot(cluster)) return;
        if (channel && channel.toUpperCase() !== "UNSPECIFIED") return;
        ctx.violation(
            "releaseChannel.channel",
            channel === undefined
                ? "is absent; without an explicit channel the cluster's upgrade cadence is left unmanaged by the program"
                : `is ${JSON.stringify(channel)}, which opts out of release channels`,
            "set releaseChannel: { channel: \"REGULAR\" } (or \"STABLE\" / \"RAPID\")",
        );
    },
});
