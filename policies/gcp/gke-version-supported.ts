import type { PolicyResource } from "@pulumi/policy";
import {
    asArray,
    asDict,
    describeCalendar,
    gcp,
    minorVersion,
    parseVersionConfig,
    resourcePolicy,
    type StackCheckContext,
    type VersionConfig,
    versionConfigSchema,
    versionProblem,
} from "../core";
import { type ClusterProps, type GkeProps, gkeClusterOrPool, type NodePoolProps, outputAt, poolsWithClusters } from "./gke-nodes";
import { gkeSupportCalendar } from "./gke-support-table";

const name = "gke-version-supported";
const expiredFix = "upgrade to a supported minor version or remove the pin";

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
        // Each pin is its own check: a version unknown in a preview defers only that one.
        const judgePin = (path: string, read: () => unknown) =>
            ctx.judge(() => {
                const value = read();
                // Absent (or null): the release channel (or the cluster's version) decides; "latest" and "-" are valid aliases.
                if (value === undefined || value === null) return;
                const found = versionProblem(value, ctx.config, true);
                if (found) ctx.violation(path, found.problem, found.expired ? expiredFix : 'set a version such as "1.36" or remove the pin');
            });
        if (gcp.nodePool.has(ctx.type)) {
            judgePin("version", () => (props as NodePoolProps).version);
            return;
        }
        const cluster = props as ClusterProps;
        judgePin("minMasterVersion", () => cluster.minMasterVersion);
        judgePin("nodeVersion", () => cluster.nodeVersion);
        ctx.judge(() => asArray(cluster.nodePools).forEach((pool, i) => judgePin(`nodePools[${i}].version`, () => asDict(pool)?.version)));
    },
    validateStack: (ctx) => {
        for (const { pool, cluster } of poolsWithClusters(ctx)) {
            if (cluster) ctx.judge(pool, () => judgeInherited(ctx, pool, cluster));
        }
    },
});

/** A NodePool without its own version runs its cluster's: the cluster's pinned version decides. */
function judgeInherited(ctx: StackCheckContext<VersionConfig>, pool: PolicyResource, cluster: PolicyResource): void {
    const own = outputAt(pool.props, ["version"]);
    for (const field of ["nodeVersion", "minMasterVersion"]) {
        // Unknown in a preview (nodeVersion is Optional+Computed) or of the wrong type (judged on the cluster): next pin.
        const pinned = outputAt(cluster.props, [field]);
        if (typeof pinned !== "string") continue;
        const found = versionProblem(pinned, ctx.config, true);
        // An unknown (preview) or absent pool version is unset. A known one is the pool's own pin, judged on the
        // pool, unless it is of the cluster's minor (what GKE reports for a pool that inherited it).
        const inherited = typeof own !== "string" || minorVersion(own) === minorVersion(pinned);
        if (found?.expired && inherited) {
            ctx.violation(
                pool,
                "version",
                `is ${typeof own === "string" ? JSON.stringify(own) : "not pinned"}, so the pool runs ${ctx.label(cluster)}'s ${field}, which ${found.problem}`,
                `upgrade ${ctx.label(cluster)}'s ${field} to a supported minor version or remove the pin`,
            );
        }
        return;
    }
}
