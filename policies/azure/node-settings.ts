// Node pool settings live in two places: inline in a ManagedCluster's `agentPoolProfiles` and in separate
// AgentPool resources. The node policies judge one pool at a time through this helper, so both forms get
// the same checks and messages name the exact field (agentPoolProfiles[1].enableNodePublicIP).
import type { AgentPoolArgs } from "@pulumi/azure-native/containerservice/agentPool";
import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import type { Unwrap } from "@pulumi/pulumi";
import { anyOf, asArray, asDict, asString, azure, type CheckContext, type Dict, type PolicyMetadata, resourcePolicy } from "../core";

/** The resources that carry node pool settings. */
export const aksNodePoolTypes = anyOf(azure.managedCluster, azure.agentPool);

export type NodePoolHolder = Unwrap<ManagedClusterArgs> | Unwrap<AgentPoolArgs>;

export interface NodePool {
    /** The pool's own fields. */
    fields: Dict;
    /** The full path of one of the pool's fields, e.g. `agentPoolProfiles[0].securityProfile.sshAccess`. */
    path(field: string): string;
    /** True for Windows pools (`osType: "Windows"`); absent means Linux. */
    windows: boolean;
}

function pool(fields: Dict, prefix: string): NodePool {
    return {
        fields,
        path: (field) => `${prefix}${field}`,
        windows: asString(fields.osType)?.toLowerCase() === "windows",
    };
}

/** The pools of a ManagedCluster (its inline profiles) or the AgentPool itself. */
export function nodePools(type: string, props: unknown): NodePool[] {
    const dict = asDict(props) ?? {};
    if (azure.agentPool.has(type)) return [pool(dict, "")];
    const pools: NodePool[] = [];
    asArray(dict.agentPoolProfiles).forEach((profile, i) => {
        const fields = asDict(profile);
        if (fields) pools.push(pool(fields, `agentPoolProfiles[${i}].`));
    });
    return pools;
}

export interface NodePoolPolicyDefinition<C> extends PolicyMetadata {
    parseConfig?: (raw: Record<string, unknown>) => C;
    /** Judges one pool; report with ctx.violation(pool.path(field), ...). */
    validatePool(pool: NodePool, ctx: CheckContext<C>): void;
}

/** A resource policy over every node pool of ManagedClusters and AgentPools. */
export function nodePoolPolicy<C = {}>(definition: NodePoolPolicyDefinition<C>): ResourceValidationPolicy {
    const { validatePool, ...rest } = definition;
    return resourcePolicy<NodePoolHolder, C>({
        ...rest,
        appliesTo: aksNodePoolTypes,
        validate: (props, ctx) => {
            for (const p of nodePools(ctx.type, props)) validatePool(p, ctx);
        },
    });
}
