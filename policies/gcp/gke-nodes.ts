// Shared reading of GKE clusters and node pools: which node configurations nodes actually run, how
// Autopilot and removeDefaultNodePool change that, and the control-plane endpoint settings of both
// field generations (privateClusterConfig and controlPlaneEndpointsConfig).
import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import type { NodePoolArgs } from "@pulumi/gcp/container/nodePool";
import type { Unwrap } from "@pulumi/pulumi";
import type { PolicyResource } from "@pulumi/policy";
import { anyOf, asBool, asDict, asString, type CheckContext, type Dict, dependencyTargets, formatPath, gcp, isDict, isUnknown, linksOf, peek, showName, type StackCheckContext, types, wrongType } from "../core";
import { readArray, readBool, readDict, readString, wrong } from "./gke-values";

export type ClusterProps = Unwrap<ClusterArgs>;
export type NodePoolProps = Unwrap<NodePoolArgs>;
export type GkeProps = ClusterProps | NodePoolProps;

/** A Cluster or a NodePool. */
export const gkeClusterOrPool = anyOf(gcp.cluster, gcp.nodePool);

/** `node pool "x"` for the cluster's inline pool at `index` (`#index` when it has no name), for messages. */
export function inlinePoolLabel(pool: unknown, index: number): string {
    return `node pool "${showName(asString(asDict(pool)?.name) ?? `#${index}`)}"`;
}

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
    const settings = (container: unknown, path: string, base = ""): Dict | undefined | typeof wrong =>
        readDict(ctx, container, path, `set ${base ? `${base}.` : ""}${path} to an object`, base);
    const targets: NodeTarget[] = [];
    const add = (target: Omit<NodeTarget, "config">, config: Dict | undefined | typeof wrong) => {
        if (config !== wrong) targets.push({ ...target, config });
    };
    if (gcp.nodePool.has(ctx.type)) {
        add({ path: block, where: "", kind: "nodeConfig" }, settings(props, block));
        return targets;
    }
    const cluster = props as ClusterProps;
    const provisioningTarget = () => {
        const defaults = settings(cluster, "clusterAutoscaling.autoProvisioningDefaults");
        const config = block === "nodeConfig" || defaults === wrong ? defaults : settings(defaults, block, autoProvisioningPath);
        add({ path: block === "nodeConfig" ? autoProvisioningPath : `${autoProvisioningPath}.${block}`, where: "", kind: "autoProvisioning" }, config);
    };
    if (isAutopilot(cluster)) {
        if (options.autopilotReason !== undefined) ctx.notApplicable(`Autopilot cluster: ${options.autopilotReason}`);
        provisioningTarget();
        return targets;
    }
    const poolList = readArray(ctx, cluster, "nodePools", "set nodePools to a list of node pools");
    const pools = poolList === wrong ? [] : (poolList ?? []);
    // The default node pool exists unless removed or replaced by inline pools. The cluster's own nodeConfig
    // describes it; its management cannot be set, so it runs at the API's defaults (GKE lists it, with them,
    // among the cluster's nodePools once created).
    if (asBool(cluster.removeDefaultNodePool) !== true && pools.length === 0) {
        if (block === "nodeConfig") add({ path: "nodeConfig", where: "", kind: "nodeConfig" }, settings(cluster, "nodeConfig"));
        else add({ path: "management", where: " on the default node pool", kind: "nodeConfig" }, undefined);
    }
    pools.forEach((pool, i) => {
        if (!isDict(pool)) {
            ctx.violation(`nodePools[${i}]`, wrongType("an object", pool), "give each node pool as an object");
            return;
        }
        add({ path: `nodePools[${i}].${block}`, where: ` on ${inlinePoolLabel(pool, i)}`, kind: "nodeConfig" }, settings(pool, block, `nodePools[${i}]`));
    });
    if (options.autoProvisioning && readBool(ctx, cluster, "clusterAutoscaling.enabled", "set clusterAutoscaling.enabled to a boolean") === true) provisioningTarget();
    if (targets.length === 0 && poolList !== wrong) {
        ctx.notApplicable(
            asBool(cluster.removeDefaultNodePool) === true
                ? "removeDefaultNodePool is true: the cluster's own nodeConfig is not what nodes run; its NodePool resources are judged instead"
                : "the cluster declares no node settings of this kind; its NodePool resources are judged instead",
        );
    }
    return targets;
}

/** Runs `check` on each target; a value unknown in this preview defers only that target's check. */
export function forEachTarget(ctx: CheckContext<unknown>, targets: readonly NodeTarget[], check: (target: NodeTarget) => void): void {
    for (const target of targets) ctx.judge(() => check(target));
}

export const identityFix = "enable Workload Identity on the cluster: workloadIdentityConfig: { workloadPool: \"<project>.svc.id.goog\" }";

/**
 * Whether a cluster has Workload Identity (Autopilot always does). Only presence matters: a pool name
 * computed from another resource (unknown in a preview) is set. A wrong type is reported.
 */
export function workloadIdentityOf(cluster: ClusterProps, reporter: Pick<CheckContext<unknown>, "violation">): boolean | typeof wrong {
    if (isAutopilot(cluster)) return true;
    const config = readDict(reporter, cluster, "workloadIdentityConfig", identityFix);
    if (config === wrong) return wrong;
    if (!config) return false;
    if (isUnknown(peek(config, "workloadPool"))) return true;
    const pool = readString(reporter, config, "workloadPool", identityFix, "workloadIdentityConfig");
    return pool === wrong ? wrong : !!pool?.trim();
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

/**
 * Whether a target's nodes run as the Compute Engine default service account: "unknown" when the account
 * is computed from another resource (a preview; the stack part resolves it), wrong when of the wrong type.
 */
export function defaultAccount(ctx: Pick<CheckContext<unknown>, "violation">, target: NodeTarget): boolean | "unknown" | typeof wrong {
    if (isUnknown(peek(target.config, "serviceAccount"))) return "unknown";
    const account = readString(ctx, target.config, "serviceAccount", "set serviceAccount to the email of a dedicated service account", target.path);
    return account === wrong ? wrong : isDefaultServiceAccount(account);
}

/** gcp.serviceaccount.Account: a node service account created in the stack is a dedicated one. */
export const serviceAccountType = types("gcp:serviceaccount/account:Account");

/**
 * The Cluster resource of the stack that a NodePool belongs to: by its `cluster` value (the cluster's id or
 * name) where known, by property dependency where not (a first preview).
 */
export function clusterOf(resources: readonly PolicyResource[], pool: PolicyResource): PolicyResource | undefined {
    const [link] = linksOf(resources, pool, { property: "cluster", values: [peek(pool.props, "cluster")], types: gcp.cluster, fields: ["id", "name"] });
    return link?.target;
}

/** The value at a path of a resource's outputs without throwing: the `unknown` marker where any step is unknown. */
export function outputAt(props: unknown, path: readonly (string | number)[]): unknown {
    let current = props;
    for (const key of path) {
        if (typeof current !== "object" || current === null) return undefined;
        current = peek(current, key);
    }
    return current;
}

/**
 * Whether a block of a resource's outputs is one the program left unset. In a preview the provider sends an
 * Optional+Computed attribute the program did not set as unknown; without a property dependency it was not
 * computed from another resource, so GKE's default applies. (A block computed from another resource stays
 * unknown and is deferred.)
 */
export function unsetInProgram(resource: PolicyResource, block: string): boolean {
    return isUnknown(outputAt(resource.props, [block])) && (resource.propertyDependencies?.[block] ?? []).length === 0;
}

/**
 * True when the value at `path` is unknown in a preview because the program computes it from another
 * resource (its top-level property has dependencies): a value, not the provider's default for an unset field.
 * The provider leaves a whole computed block unknown when the program does not set it, so only an unknown
 * top-level property or an unknown value inside a known block counts as computed by the program.
 */
export function computedInProgram(resource: PolicyResource, path: string[]): boolean {
    if ((resource.propertyDependencies?.[path[0]] ?? []).length === 0) return false;
    const firstUnknown = path.findIndex((_, i) => isUnknown(outputAt(resource.props, path.slice(0, i + 1))));
    return firstUnknown === 0 || firstUnknown === path.length - 1;
}

/** The stack's NodePools with their clusters (undefined when the cluster is not in the stack). */
export function poolsWithClusters(ctx: StackCheckContext<unknown>): { pool: PolicyResource; cluster: PolicyResource | undefined }[] {
    return ctx.ofType(gcp.nodePool).map((pool) => ({ pool, cluster: clusterOf(ctx.resources, pool) }));
}

/** Reports a stack part's wrong-type findings on `resource`, for the typed reads of gke-values. */
export function reporterFor(ctx: StackCheckContext<unknown>, resource: PolicyResource): Pick<CheckContext<unknown>, "violation"> {
    return { violation: (field, problem, fix) => ctx.violation(resource, field, problem, fix) };
}

/**
 * The stack part of the node service account policies. A node service account computed from another
 * resource is unknown in a preview: one computed from a gcp.serviceaccount.Account of the stack is a
 * dedicated account; any other is deferred when the node settings make the account `matter`. (In a preview an unset account is unknown too; a block with no
 * property dependency was not computed from anything, so its account is unset and judged on the resource.)
 */
export function resolveComputedAccounts(ctx: StackCheckContext<unknown>, matters: (settings: Dict) => boolean = () => true): void {
    const check = (resource: PolicyResource, property: string, path: (string | number)[]) => {
        const settings = outputAt(resource.props, path.slice(0, -1));
        if (!isUnknown(outputAt(resource.props, path)) || !isDict(settings) || !matters(settings)) return;
        if (dependencyTargets(resource, property, serviceAccountType).length > 0) return;
        if ((resource.propertyDependencies?.[property] ?? []).length > 0) ctx.defer(resource, formatPath(path));
    };
    for (const pool of ctx.ofType(gcp.nodePool)) check(pool, "nodeConfig", ["nodeConfig", "serviceAccount"]);
    for (const cluster of ctx.ofType(gcp.cluster)) {
        const autopilot = outputAt(cluster.props, ["enableAutopilot"]) === true;
        if (autopilot || outputAt(cluster.props, ["clusterAutoscaling", "enabled"]) === true) {
            check(cluster, "clusterAutoscaling", ["clusterAutoscaling", "autoProvisioningDefaults", "serviceAccount"]);
        }
        if (autopilot) continue;
        if (outputAt(cluster.props, ["removeDefaultNodePool"]) !== true) check(cluster, "nodeConfig", ["nodeConfig", "serviceAccount"]);
        const pools = outputAt(cluster.props, ["nodePools"]);
        if (Array.isArray(pools)) pools.forEach((_pool, i) => check(cluster, "nodePools", ["nodePools", i, "nodeConfig", "serviceAccount"]));
    }
}
