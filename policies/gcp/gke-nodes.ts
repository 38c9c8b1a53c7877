// Shared reading of GKE clusters and node pools: which node configurations nodes actually run, how
// Autopilot and removeDefaultNodePool change that, and the control-plane endpoint settings of both
// field generations (privateClusterConfig and controlPlaneEndpointsConfig).
import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import type { NodePoolArgs } from "@pulumi/gcp/container/nodePool";
import type { Unwrap } from "@pulumi/pulumi";
import { anyOf, asArray, asBool, asDict, asString, type CheckContext, type Dict, gcp } from "../core";

export type ClusterProps = Unwrap<ClusterArgs>;
export type NodePoolProps = Unwrap<NodePoolArgs>;
export type GkeProps = ClusterProps | NodePoolProps;

/** A Cluster or a NodePool. */
export const gkeClusterOrPool = anyOf(gcp.cluster, gcp.nodePool);

export function isAutopilot(cluster: ClusterProps): boolean {
    return asBool(cluster.enableAutopilot) === true;
}

/** One set of node settings that nodes run with. */
export interface NodeTarget {
    /** Field path of the settings block, e.g. `nodeConfig` or `nodePools[1].nodeConfig`. */
    path: string;
    /** ` on node pool "x"` for inline pools, otherwise "". */
    where: string;
    /** The settings block, undefined when absent (so every field is at its default). */
    config: Dict | undefined;
    /** `nodeConfig` blocks, or the defaults GKE uses for Autopilot and auto-provisioned (NAP) nodes. */
    kind: "nodeConfig" | "autoProvisioning";
}

export interface NodeTargetOptions {
    /**
     * Autopilot: with a reason, the policy is not applicable (GKE enforces the setting on every node);
     * without one, the cluster's clusterAutoscaling.autoProvisioningDefaults is judged, since GKE uses it
     * for Autopilot nodes.
     */
    autopilotReason?: string;
    /** Also judge clusterAutoscaling.autoProvisioningDefaults on Standard clusters with node auto-provisioning. */
    autoProvisioning?: boolean;
}

const autoProvisioningPath = "clusterAutoscaling.autoProvisioningDefaults";

/** A NodePool's own block (`nodeConfig` or `management`), or a Cluster's blocks of that name that nodes run. */
export function nodeTargets(props: GkeProps, ctx: CheckContext<unknown>, options: NodeTargetOptions, block: "nodeConfig" | "management" = "nodeConfig"): NodeTarget[] {
    if (gcp.nodePool.has(ctx.type)) {
        return [{ path: block, where: "", config: asDict((props as NodePoolProps)[block]), kind: "nodeConfig" }];
    }
    const cluster = props as ClusterProps;
    const autoscaling = asDict(cluster.clusterAutoscaling);
    const provisioningDefaults = asDict(autoscaling?.autoProvisioningDefaults);
    const provisioningTarget = (): NodeTarget => ({
        path: block === "nodeConfig" ? autoProvisioningPath : `${autoProvisioningPath}.${block}`,
        where: "",
        config: block === "nodeConfig" ? provisioningDefaults : asDict(provisioningDefaults?.[block]),
        kind: "autoProvisioning",
    });
    if (isAutopilot(cluster)) {
        if (options.autopilotReason !== undefined) ctx.notApplicable(`Autopilot cluster: ${options.autopilotReason}`);
        return [provisioningTarget()];
    }
    const targets: NodeTarget[] = [];
    const pools = asArray(cluster.nodePools);
    // The cluster's own nodeConfig (or, for management, nothing: the default pool has no management
    // block) describes the default node pool, which exists unless removed or replaced by inline pools.
    if (block === "nodeConfig" && asBool(cluster.removeDefaultNodePool) !== true && pools.length === 0) {
        targets.push({ path: "nodeConfig", where: "", config: asDict(cluster.nodeConfig), kind: "nodeConfig" });
    }
    pools.forEach((pool, i) => {
        const name = asString(asDict(pool)?.name) ?? `#${i}`;
        targets.push({ path: `nodePools[${i}].${block}`, where: ` on node pool "${name}"`, config: asDict(asDict(pool)?.[block]), kind: "nodeConfig" });
    });
    if (options.autoProvisioning && asBool(autoscaling?.enabled) === true) targets.push(provisioningTarget());
    if (targets.length === 0) {
        ctx.notApplicable(
            asBool(cluster.removeDefaultNodePool) === true
                ? "removeDefaultNodePool is true: the cluster's own nodeConfig is not what nodes run; its NodePool resources are judged instead"
                : "the cluster declares no node settings of this kind; its NodePool resources are judged instead",
        );
    }
    return targets;
}

/** Reason used by node-level policies whose setting Autopilot enforces on every node. */
export const autopilotManagesNodes = "GKE manages the nodes and enforces this setting itself";

/** Whether the control plane has a public IP endpoint, reading both field generations. */
export function publicIpEndpoint(cluster: ClusterProps): boolean {
    const ipEnabled = asBool(asDict(asDict(cluster.controlPlaneEndpointsConfig)?.ipEndpointsConfig)?.enabled);
    if (ipEnabled === false) return false;
    return asBool(asDict(cluster.privateClusterConfig)?.enablePrivateEndpoint) !== true;
}

/** The node service account value for the Compute Engine default: absent, "default" or PROJECT_NUMBER-compute@... */
export function isDefaultServiceAccount(value: unknown): boolean {
    const account = asString(value)?.trim();
    if (account === undefined || account === "" || account === "default") return true;
    return /^\d+-compute@developer\.gserviceaccount\.com$/i.test(account);
}
