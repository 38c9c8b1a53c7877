// Resource type tokens and the matcher every policy uses. Matching is by token string only, so the
// shipped pack never loads a provider SDK at run time.

/** A set of Pulumi type tokens a policy applies to. */
export interface TypeSet {
    /** True when `type` is one of the tokens in the set. */
    has(type: string): boolean;
    /** The one exact token, when the set is a single token: lets the SDK skip other types cheaply. */
    readonly single?: string;
    /** Human-readable list, for docs and not-applicable reasons. */
    readonly description: string;
    /** The exact tokens and the token patterns the set matches, e.g. to build a pack of the same shape. */
    readonly tokens: readonly string[];
    readonly patterns: readonly RegExp[];
}

// A stack holds few distinct types, and every policy asks about every resource: remember pattern verdicts.
const maxRememberedTypes = 1024;

function typeSet(tokens: readonly string[], patterns: readonly RegExp[], description: string): TypeSet {
    const exact = new Set(tokens);
    const matched = new Map<string, boolean>();
    const matches = (type: string) => {
        let verdict = matched.get(type);
        if (verdict === undefined) {
            verdict = patterns.some((p) => p.test(type));
            if (matched.size < maxRememberedTypes) matched.set(type, verdict);
        }
        return verdict;
    };
    return {
        has: patterns.length === 0 ? (type) => exact.has(type) : (type) => exact.has(type) || matches(type),
        single: exact.size === 1 && patterns.length === 0 ? tokens[0] : undefined,
        description,
        tokens: [...exact],
        patterns,
    };
}

/** Matches exactly the given tokens. */
export function types(...tokens: string[]): TypeSet {
    return typeSet(tokens, [], tokens.join(", "));
}

/** Matches every token `pattern` matches. */
export function typesMatching(pattern: RegExp, description: string): TypeSet {
    return typeSet([], [pattern], description);
}

/**
 * Matches an azure-native resource in its default module token and in the API-versioned tokens that
 * locally generated SDKs use, e.g. `azure-native:containerservice/v20250702preview:ManagedCluster`.
 * `modules` lists the module names that have carried the resource (aliases), e.g. monitor and insights.
 */
export function azureNativeType(modules: string[], resource: string): TypeSet {
    return typesMatching(
        new RegExp(`^azure-native:(?:${modules.join("|")})(?:/v[0-9a-z]+)?:${resource}$`),
        modules.map((m) => `azure-native:${m}[/vYYYYMMDD]:${resource}`).join(", "),
    );
}

/** Merges type sets. */
export function anyOf(...sets: TypeSet[]): TypeSet {
    return typeSet(
        sets.flatMap((s) => s.tokens),
        sets.flatMap((s) => s.patterns),
        sets.map((s) => s.description).join(", "),
    );
}

export const aws = {
    eksCluster: types("aws:eks/cluster:Cluster"),
    eksNodeGroup: types("aws:eks/nodeGroup:NodeGroup"),
    eksAddon: types("aws:eks/addon:Addon"),
    eksAccessPolicyAssociation: types("aws:eks/accessPolicyAssociation:AccessPolicyAssociation"),
    launchTemplate: types("aws:ec2/launchTemplate:LaunchTemplate"),
    subnet: types("aws:ec2/subnet:Subnet"),
    kmsKey: types("aws:kms/key:Key"),
};

export const azure = {
    managedCluster: azureNativeType(["containerservice"], "ManagedCluster"),
    agentPool: azureNativeType(["containerservice"], "AgentPool"),
    // azure-native v3 names it monitor:DiagnosticSetting; insights:DiagnosticSetting is its v2 alias.
    diagnosticSetting: azureNativeType(["monitor", "insights"], "DiagnosticSetting"),
};

export const gcp = {
    cluster: types("gcp:container/cluster:Cluster"),
    nodePool: types("gcp:container/nodePool:NodePool"),
};

/** Builds `kubernetes:<group>/<version>:<Kind>` tokens for each version, with and without the Patch variant. */
function kubernetesTokens(group: string, versions: string[], kind: string): string[] {
    return versions.flatMap((v) => [`kubernetes:${group}/${v}:${kind}`, `kubernetes:${group}/${v}:${kind}Patch`]);
}

/** Every token the Kubernetes provider has for a kind that carries a pod spec. */
export const kubernetesWorkloadTokens: readonly string[] = [
    ...kubernetesTokens("core", ["v1"], "Pod"),
    ...kubernetesTokens("core", ["v1"], "PodTemplate"),
    ...kubernetesTokens("core", ["v1"], "ReplicationController"),
    ...kubernetesTokens("apps", ["v1", "v1beta1", "v1beta2"], "Deployment"),
    ...kubernetesTokens("extensions", ["v1beta1"], "Deployment"),
    ...kubernetesTokens("apps", ["v1", "v1beta1", "v1beta2"], "StatefulSet"),
    ...kubernetesTokens("apps", ["v1", "v1beta2"], "DaemonSet"),
    ...kubernetesTokens("extensions", ["v1beta1"], "DaemonSet"),
    ...kubernetesTokens("apps", ["v1", "v1beta2"], "ReplicaSet"),
    ...kubernetesTokens("extensions", ["v1beta1"], "ReplicaSet"),
    ...kubernetesTokens("batch", ["v1"], "Job"),
    ...kubernetesTokens("batch", ["v1", "v1beta1", "v2alpha1"], "CronJob"),
];

export const kubernetes = {
    workloads: types(...kubernetesWorkloadTokens),
    namespace: types(...kubernetesTokens("core", ["v1"], "Namespace")),
    serviceAccount: types(...kubernetesTokens("core", ["v1"], "ServiceAccount")),
    secret: types(...kubernetesTokens("core", ["v1"], "Secret")),
    configMap: types(...kubernetesTokens("core", ["v1"], "ConfigMap")),
    service: types(...kubernetesTokens("core", ["v1"], "Service")),
    resourceQuota: types(...kubernetesTokens("core", ["v1"], "ResourceQuota")),
    limitRange: types(...kubernetesTokens("core", ["v1"], "LimitRange")),
    ingress: types(...kubernetesTokens("networking.k8s.io", ["v1", "v1beta1"], "Ingress"),
        ...kubernetesTokens("extensions", ["v1beta1"], "Ingress")),
    networkPolicy: types(...kubernetesTokens("networking.k8s.io", ["v1"], "NetworkPolicy"),
        ...kubernetesTokens("extensions", ["v1beta1"], "NetworkPolicy")),
    ciliumNetworkPolicy: types(...kubernetesTokens("cilium.io", ["v2"], "CiliumNetworkPolicy")),
    ciliumClusterwideNetworkPolicy: types(...kubernetesTokens("cilium.io", ["v2"], "CiliumClusterwideNetworkPolicy")),
    // projectcalico.org/v3 is the API Calico documents; crd.projectcalico.org/v1 carries the same spec.
    calicoNetworkPolicy: types(...kubernetesTokens("projectcalico.org", ["v3"], "NetworkPolicy"), ...kubernetesTokens("crd.projectcalico.org", ["v1"], "NetworkPolicy")),
    calicoGlobalNetworkPolicy: types(...kubernetesTokens("projectcalico.org", ["v3"], "GlobalNetworkPolicy"), ...kubernetesTokens("crd.projectcalico.org", ["v1"], "GlobalNetworkPolicy")),
    adminNetworkPolicy: types(...kubernetesTokens("policy.networking.k8s.io", ["v1alpha1"], "AdminNetworkPolicy")),
    baselineAdminNetworkPolicy: types(...kubernetesTokens("policy.networking.k8s.io", ["v1alpha1"], "BaselineAdminNetworkPolicy")),
    // v1alpha2 replaces both kinds with one, whose `tier` is Admin or Baseline.
    clusterNetworkPolicy: types(...kubernetesTokens("policy.networking.k8s.io", ["v1alpha2"], "ClusterNetworkPolicy")),
    // Gateway API: Gateways and ListenerSets hold listeners, routes attach to them. ListenerSet is v1
    // since Gateway API 1.5; XListenerSet is its experimental predecessor.
    gateway: types(...kubernetesTokens("gateway.networking.k8s.io", ["v1", "v1beta1"], "Gateway")),
    listenerSet: types(...kubernetesTokens("gateway.networking.k8s.io", ["v1"], "ListenerSet"),
        ...kubernetesTokens("gateway.networking.x-k8s.io", ["v1alpha1"], "XListenerSet")),
    httpRoute: types(...kubernetesTokens("gateway.networking.k8s.io", ["v1", "v1beta1"], "HTTPRoute")),
    grpcRoute: types(...kubernetesTokens("gateway.networking.k8s.io", ["v1", "v1alpha2"], "GRPCRoute")),
    // Istio's own ingress API (networking.istio.io), beside its support for the Gateway API.
    istioGateway: types(...kubernetesTokens("networking.istio.io", ["v1", "v1beta1", "v1alpha3"], "Gateway")),
    clusterRole: types(...kubernetesTokens("rbac.authorization.k8s.io", ["v1", "v1beta1", "v1alpha1"], "ClusterRole")),
    role: types(...kubernetesTokens("rbac.authorization.k8s.io", ["v1", "v1beta1", "v1alpha1"], "Role")),
    clusterRoleBinding: types(...kubernetesTokens("rbac.authorization.k8s.io", ["v1", "v1beta1", "v1alpha1"], "ClusterRoleBinding")),
    roleBinding: types(...kubernetesTokens("rbac.authorization.k8s.io", ["v1", "v1beta1", "v1alpha1"], "RoleBinding")),
    /** Every Kubernetes provider resource, custom resources included. */
    anyObject: typesMatching(/^kubernetes:/, "kubernetes:*"),
};

/** True for any Kubernetes provider resource token. */
export function isKubernetesType(type: string): boolean {
    return type.startsWith("kubernetes:");
}

/** True for the `...Patch` variants, whose specs are partial. */
export function isPatchType(type: string): boolean {
    return type.endsWith("Patch");
}

/** `kubernetes:apps/v1:DeploymentPatch` -> `Deployment`; `aws:eks/cluster:Cluster` -> `Cluster`. */
export function kindOf(type: string): string {
    const kind = type.slice(type.lastIndexOf(":") + 1);
    return isKubernetesType(type) && isPatchType(type) ? kind.slice(0, -"Patch".length) : kind;
}

/** The Kubernetes token for an object's apiVersion and kind, e.g. apps/v1 Deployment. */
export function kubernetesTokenFor(apiVersion: string, kind: string): string {
    const groupVersion = apiVersion.includes("/") ? apiVersion : `core/${apiVersion}`;
    return `kubernetes:${groupVersion}:${kind}`;
}
