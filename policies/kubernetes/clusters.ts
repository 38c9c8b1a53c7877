// Which cluster a Kubernetes object of the stack goes to. One stack may deploy to several clusters, one
// Kubernetes Provider each (the same app on an EKS, an AKS and a GKE cluster). Objects of different
// clusters are not siblings: a NetworkPolicy in one cluster covers no pod of another, and a Namespace's
// labels hold only in its own cluster.
//
// The engine hands AnalyzeStack each object's provider (its URN and inputs) and the provider resources
// themselves, with the property dependencies of their inputs. A provider's cluster is:
// - the ambient kubeconfig, for a provider without `kubeconfig` (the default provider, unless the stack's
//   config sets `kubernetes:kubeconfig`);
// - the resource its `kubeconfig` was computed from (known or not in this preview), taken at the top-level
//   component that holds it, so that @pulumi/eks's own provider and one the program builds from
//   `cluster.kubeconfig` are the same cluster;
// - for a kubeconfig given as text, the API server of the context it selects (`context`, `cluster` or its
//   current-context).
// Objects are split by cluster only when every Kubernetes object's cluster is told this way. Where one is
// not (an input unknown in this preview and computed from no resource, a kubeconfig file path, text that
// names no server), the stack stays one cluster, as if it had a single provider. Messages name a cluster
// by a provider that deploys to it, never by its kubeconfig, which holds credentials.
import type { PolicyResource } from "@pulumi/policy";
import { isUnknown, peek } from "../core/unknowns";
import { asDict, asString, isDict, showName } from "../core/values";
import { parseJsonOrYaml } from "../core/yaml";

const kubernetesProvider = "pulumi:providers:kubernetes";
const stackType = "pulumi:pulumi:Stack";

/** Groups the objects of one cluster. The same for every object when the stack cannot tell clusters apart. */
export type ClusterKey = string;

/** The clusters of a stack. */
export interface Clusters {
    /** The key of the cluster a Kubernetes object goes to ("" for every object of a stack of one cluster). */
    keyOf(resource: PolicyResource): ClusterKey;
    /** How messages name a cluster, e.g. `the cluster of Kubernetes provider "green"`; "" in a stack of one cluster. */
    describe(key: ClusterKey): string;
}

/** One cluster for the whole stack. */
export const oneCluster: Clusters = { keyOf: () => "", describe: () => "" };

/** Where each Kubernetes object of the stack goes; `oneCluster` unless every object's cluster is known and they differ. */
export function clustersOf(resources: readonly PolicyResource[]): Clusters {
    const byUrn = new Map<string, PolicyResource>();
    for (const r of resources) byUrn.set(r.urn, r);
    const identities = new Map<PolicyResource, string>();
    const ofProvider = new Map<string, string | undefined>();
    /** Per cluster, the first provider seen deploying to it (undefined: objects that name none). */
    const namedBy = new Map<string, string | undefined>();
    for (const r of resources) {
        if (!r.type.startsWith("kubernetes:")) continue;
        const provider = r.provider;
        const key = provider ? provider.urn : "";
        if (!ofProvider.has(key)) ofProvider.set(key, provider ? providerIdentity(provider.type, provider.props, byUrn.get(provider.urn)) : ambient);
        const identity = ofProvider.get(key);
        if (identity === undefined) return oneCluster;
        identities.set(r, identity);
        if (!namedBy.has(identity)) namedBy.set(identity, provider?.name);
    }
    if (namedBy.size <= 1) return oneCluster;
    return {
        keyOf: (resource) => identities.get(resource) ?? "",
        describe: (key) => {
            const provider = namedBy.get(key);
            // The engine names the default provider `default` or `default_<version>`.
            if (provider === undefined || /^default(_|$)/.test(provider)) return "the cluster of the default Kubernetes provider";
            return `the cluster of Kubernetes provider "${showName(provider)}"`;
        },
    };
}

const ambient = "ambient";

/** A provider's cluster, or undefined when the stack does not tell it. */
function providerIdentity(type: string, props: unknown, resource: PolicyResource | undefined): string | undefined {
    if (type !== kubernetesProvider) return undefined;
    // A default provider is configured like an explicit one, from the stack's `kubernetes:*` config.
    const computedFrom = resource?.propertyDependencies?.kubeconfig ?? [];
    if (computedFrom.length > 0) return `from:${[...new Set(computedFrom.map((r) => topLevel(r).urn))].sort().join(",")}`;
    const kubeconfig = peek(props, "kubeconfig");
    const context = peek(props, "context");
    const cluster = peek(props, "cluster");
    if (isUnknown(kubeconfig) || isUnknown(context) || isUnknown(cluster)) return undefined;
    if (kubeconfig === undefined || kubeconfig === null || kubeconfig === "") return context === undefined && cluster === undefined ? ambient : undefined;
    const text = asString(kubeconfig);
    if (text === undefined) return undefined; // the provider would reject it
    const server = serverOf(text, asString(context), asString(cluster));
    return server === undefined ? undefined : `server:${server}`;
}

/** The top-level component that holds a resource (the resource itself when the stack holds it directly). */
function topLevel(resource: PolicyResource): PolicyResource {
    let at = resource;
    for (let depth = 0; at.parent && at.parent.type !== stackType && depth < 1000; depth++) at = at.parent;
    return at;
}

/** The API server a kubeconfig's context points at; undefined for a file path or anything not parsed. */
function serverOf(kubeconfig: string, context: string | undefined, cluster: string | undefined): string | undefined {
    if (!/[\n{]/.test(kubeconfig)) return undefined; // a file path: not readable here
    let config: unknown;
    try {
        config = parseJsonOrYaml(kubeconfig);
    } catch {
        return undefined;
    }
    const root = asDict(config);
    if (!root) return undefined;
    const named = (list: unknown, wanted: string | undefined, field: string) => {
        const entry = Array.isArray(list) ? list.find((e) => isDict(e) && e.name === wanted) : undefined;
        return asDict(asDict(entry)?.[field]);
    };
    const clusterName = cluster ?? asString(named(root.contexts, context ?? asString(root["current-context"]), "context")?.cluster);
    return asString(named(root.clusters, clusterName, "cluster")?.server);
}
