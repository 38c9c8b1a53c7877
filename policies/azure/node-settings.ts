// Node pool settings live in two places: inline in a ManagedCluster's `agentPoolProfiles` and in separate
// AgentPool resources. The node policies judge one pool at a time through this helper, so both forms get
// the same checks and messages name the exact field (agentPoolProfiles[1].enableNodePublicIP). A pool's
// settings are its own: none of these checks needs the cluster (an AgentPool without orchestratorVersion
// follows the control plane, which aks-version-supported judges on the cluster).
import type { AgentPoolArgs } from "@pulumi/azure-native/containerservice/agentPool";
import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { anyOf, asString, azure, type CheckContext, type ClusterGuardPolicy, type Dict, isDict, isUnknown, peek, type PolicyMetadata, resourcePolicy, wrongType } from "../core";
import { type ChoiceTexts, handled, notOneOf, notTrue, valueAt } from "./fields";

/** The resources that carry node pool settings. */
export const aksNodePoolTypes = anyOf(azure.managedCluster, azure.agentPool);

export type NodePoolHolder = Unwrap<ManagedClusterArgs> | Unwrap<AgentPoolArgs>;

export interface NodePool {
    /** The pool's own fields. */
    fields: Dict;
    /** `agentPoolProfiles[0].` for an inline pool, "" for an AgentPool. */
    prefix: string;
    /** The full path of one of the pool's fields, e.g. `agentPoolProfiles[0].securityProfile.sshAccess`. */
    path(field: string): string;
    /** True for Windows pools (`osType: "Windows"`); absent means Linux. */
    windows: boolean;
}

function pool(fields: Dict, prefix: string): NodePool {
    return {
        fields,
        prefix,
        path: (field) => `${prefix}${field}`,
        windows: asString(peek(fields, "osType"))?.toLowerCase() === "windows",
    };
}

/** The pools of a ManagedCluster (its inline profiles) or the AgentPool itself; a profile list that cannot be read is reported or deferred. */
export function nodePools(ctx: CheckContext<unknown>, props: unknown): NodePool[] {
    if (azure.agentPool.has(ctx.type)) return isDict(props) ? [pool(props, "")] : [];
    const profiles = valueAt(ctx, props, "agentPoolProfiles", { fix: "list the node pools in agentPoolProfiles" });
    if (profiles === handled || profiles === undefined) return [];
    if (!Array.isArray(profiles)) {
        ctx.violation("agentPoolProfiles", wrongType("a list of agent pool profiles", profiles), "list the node pools in agentPoolProfiles");
        return [];
    }
    const pools: NodePool[] = [];
    for (let i = 0; i < profiles.length; i++) {
        const fields = peek(profiles, i);
        if (isUnknown(fields)) ctx.defer(`agentPoolProfiles[${i}]`);
        else if (isDict(fields)) pools.push(pool(fields, `agentPoolProfiles[${i}].`));
        else ctx.violation(`agentPoolProfiles[${i}]`, wrongType("an agent pool profile object", fields), "give each agent pool profile as an object");
    }
    return pools;
}

/** Reports a pool's boolean field unless it is true; `absent` completes "<path> ...". */
export function requirePoolTrue(pool: NodePool, ctx: CheckContext<unknown>, field: string, absent: string): void {
    const fix = `set ${pool.path(field)}: true`;
    const value = valueAt(ctx, pool.fields, field, { prefix: pool.prefix, fix });
    if (value === handled) return;
    const problem = notTrue(value, absent);
    if (problem) ctx.violation(pool.path(field), problem, fix);
}

/** Reports a pool's string field unless it is one of `accepted` (lower case). */
export function requirePoolChoice(pool: NodePool, ctx: CheckContext<unknown>, field: string, accepted: readonly string[], texts: ChoiceTexts, fix: string): void {
    const value = valueAt(ctx, pool.fields, field, { prefix: pool.prefix, fix });
    if (value === handled) return;
    const problem = notOneOf(value, accepted, texts);
    if (problem) ctx.violation(pool.path(field), problem, fix);
}

export interface NodePoolPolicyDefinition<C> extends PolicyMetadata {
    parseConfig?: (raw: Record<string, unknown>) => C;
    /** Judges one pool; report with ctx.violation(pool.path(field), ...). */
    validatePool(pool: NodePool, ctx: CheckContext<C>): void;
}

/** A resource policy over every node pool of ManagedClusters and AgentPools; an unknown in one pool defers only that pool. */
export function nodePoolPolicy<C = {}>(definition: NodePoolPolicyDefinition<C>): ClusterGuardPolicy {
    const { validatePool, ...rest } = definition;
    return resourcePolicy<NodePoolHolder, C>({
        ...rest,
        appliesTo: aksNodePoolTypes,
        validate: (props, ctx) => {
            for (const p of nodePools(ctx, props)) ctx.judge(() => validatePool(p, ctx));
        },
    });
}
