import type { PolicyResource } from "@pulumi/policy";
import { cisGke, gcp, isUnknown, resourcePolicy, type StackCheckContext } from "../core";
import {
    autopilotManagesNodes,
    type ClusterProps,
    forEachTarget,
    type GkeProps,
    gkeClusterOrPool,
    identityFix,
    nodeTargets,
    outputAt,
    poolsWithClusters,
    reporterFor,
    unsetInProgram,
    workloadIdentityOf,
} from "./gke-nodes";
import { readString, wrong } from "./gke-values";

const modeFix = "set workloadMetadataConfig: { mode: \"GKE_METADATA\" }";

/** Whether a mode leaves the choice to GKE: absent, or MODE_UNSPECIFIED ("Not set"). */
const unset = (mode: string | undefined) => mode === undefined || mode.trim().toUpperCase() === "MODE_UNSPECIFIED";

export const gkeMetadataServer = resourcePolicy<GkeProps>({
    name: "gke-metadata-server",
    description: "Nodes run the GKE metadata server, which hides node credentials and instance metadata from pods.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "nodes"],
    framework: cisGke("5.4.1", "Ensure the GKE Metadata Server is Enabled"),
    remediationSteps:
        "Enable Workload Identity on the gcp.container.Cluster (`workloadIdentityConfig: { workloadPool: `${project}.svc.id.goog` }`): " +
        "its node pools then run the GKE metadata server by default. Do not set `nodeConfig.workloadMetadataConfig.mode` to " +
        "\"GCE_METADATA\" on a gcp.container.NodePool or on the Cluster's nodeConfig / inline nodePools; set it to \"GKE_METADATA\" " +
        "to be explicit.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity",
    appliesTo: gkeClusterOrPool,
    validate: (props, ctx) => {
        // A pool's own explicit mode is decided here; an unset mode follows its cluster's Workload Identity:
        // for a Cluster's own pools here, for NodePool resources in the stack part.
        const isPool = gcp.nodePool.has(ctx.type);
        const targets = nodeTargets(props, ctx, { autopilotReason: autopilotManagesNodes });
        forEachTarget(ctx, targets, (target) => {
            const mode = readString(ctx, target.config, "workloadMetadataConfig.mode", modeFix, target.path);
            if (mode === wrong || mode?.trim().toUpperCase() === "GKE_METADATA") return;
            const path = `${target.path}.workloadMetadataConfig.mode`;
            if (!unset(mode)) {
                ctx.violation(path, `is ${JSON.stringify(mode)}${target.where}`, modeFix);
                return;
            }
            if (isPool) return;
            if (workloadIdentityOf(props as ClusterProps, ctx) === false) {
                ctx.violation(path, `is ${mode === undefined ? "absent" : JSON.stringify(mode)}${target.where}, and the cluster has no Workload Identity (workloadIdentityConfig.workloadPool), so nodes expose the Compute Engine metadata server to pods`, identityFix);
            }
        });
    },
    validateStack: (ctx) => {
        for (const { pool, cluster } of poolsWithClusters(ctx)) ctx.judge(pool, () => judgePool(ctx, pool, cluster));
    },
});

/** A NodePool whose mode is unset runs what its cluster gives: GKE_METADATA when the cluster has Workload Identity. */
function judgePool(ctx: StackCheckContext<unknown>, pool: PolicyResource, cluster: PolicyResource | undefined): void {
    const path = "nodeConfig.workloadMetadataConfig.mode";
    const output = outputAt(pool.props, ["nodeConfig", "workloadMetadataConfig", "mode"]);
    // In a preview an unset mode is unknown (Optional+Computed); a known explicit one was judged on the pool itself.
    const mode = typeof output === "string" ? output : undefined;
    if (mode?.trim().toUpperCase() === "GKE_METADATA") return;
    if (!isUnknown(output) && !unset(mode)) return;
    if (!cluster) {
        if (isUnknown(output) && (pool.propertyDependencies?.nodeConfig ?? []).length > 0) {
            ctx.defer(pool, path, "may be computed from another resource, and the cluster it belongs to is not in this stack");
            return;
        }
        ctx.violation(pool, path, "is not set, and the cluster it belongs to is not in this stack, so whether nodes run the GKE metadata server depends on that cluster's Workload Identity", modeFix);
        return;
    }
    ctx.judge(cluster, () => {
        // Unset in the program: a Standard cluster then has no Workload Identity.
        const identity = unsetInProgram(cluster, "workloadIdentityConfig") ? false : workloadIdentityOf(cluster.props as ClusterProps, reporterFor(ctx, cluster));
        if (identity !== false) return;
        ctx.violation(
            pool,
            path,
            `is not set to "GKE_METADATA", and ${ctx.label(cluster)} has no Workload Identity (workloadIdentityConfig.workloadPool), so no pool of it can run the GKE metadata server and pods reach the Compute Engine metadata server`,
            identityFix,
        );
    });
}
