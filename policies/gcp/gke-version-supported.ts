import { asArray, asDict, describeCalendar, gcp, parseVersionConfig, resourcePolicy, type VersionConfig, versionConfigSchema, versionProblem } from "../core";
import { type ClusterProps, type GkeProps, gkeClusterOrPool, type NodePoolProps } from "./gke-nodes";
import { gkeSupportCalendar } from "./gke-support-table";

const name = "gke-version-supported";

export const gkeVersionSupported = resourcePolicy<GkeProps, VersionConfig>({
    name,
    description: "Pinned GKE control-plane and node versions are still in standard support.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "upgrades"],
    remediationSteps:
        "Raise `minMasterVersion` / `nodeVersion` on the gcp.container.Cluster and `version` on each gcp.container.NodePool " +
        "to a supported minor version, or remove the pins and let the release channel manage versions. The paid Extended " +
        `channel does not count as support here. ${describeCalendar(gkeSupportCalendar)}`,
    url: "https://cloud.google.com/kubernetes-engine/docs/release-schedule",
    configSchema: { properties: { ...versionConfigSchema } },
    parseConfig: (raw) => parseVersionConfig(name, raw, gkeSupportCalendar),
    appliesTo: gkeClusterOrPool,
    validate: (props, ctx) => {
        const pinned: [string, unknown][] = [];
        if (gcp.nodePool.has(ctx.type)) {
            pinned.push(["version", (props as NodePoolProps).version]);
        } else {
            const cluster = props as ClusterProps;
            pinned.push(["minMasterVersion", cluster.minMasterVersion], ["nodeVersion", cluster.nodeVersion]);
            asArray(cluster.nodePools).forEach((pool, i) => pinned.push([`nodePools[${i}].version`, asDict(pool)?.version]));
        }
        for (const [path, value] of pinned) {
            // Absent (or null): the release channel (or the cluster's version) decides; "latest" and "-" are valid aliases.
            if (value === undefined || value === null) continue;
            const found = versionProblem(value, ctx.config, true);
            if (found) ctx.violation(path, found.problem, found.expired ? "upgrade to a supported minor version or remove the pin" : 'set a version such as "1.36" or remove the pin');
        }
    },
});
