import { asArray, asDict, asString, gcp, parseVersionConfig, resourcePolicy, supportStatus, type VersionConfig, versionConfigSchema } from "../core";
import { type ClusterProps, type GkeProps, gkeClusterOrPool, type NodePoolProps } from "./gke-nodes";
import { gkeSupportTable } from "./gke-support-table";

export const gkeVersionSupported = resourcePolicy<GkeProps, VersionConfig>({
    name: "gke-version-supported",
    description: "Pinned GKE control-plane and node versions are still in standard support.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "upgrades"],
    remediationSteps:
        "Raise `minMasterVersion` / `nodeVersion` on the gcp.container.Cluster and `version` on each gcp.container.NodePool " +
        "to a supported minor version, or remove the pins and let the release channel manage versions.",
    url: "https://cloud.google.com/kubernetes-engine/docs/release-schedule",
    configSchema: { properties: { ...versionConfigSchema } },
    parseConfig: (raw) => parseVersionConfig(raw, gkeSupportTable),
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
            const version = asString(value);
            if (version === undefined) continue;
            const verdict = supportStatus(version, ctx.config.table, ctx.config.referenceDate);
            if (verdict?.expired) {
                ctx.violation(
                    path,
                    `is ${JSON.stringify(version)}: GKE ${verdict.minor} left standard support after ${verdict.endOfSupport}`,
                    "upgrade to a supported minor version or remove the pin",
                );
            }
        }
    },
});
