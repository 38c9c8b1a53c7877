// Shared model for the network-segmentation policies: the stack's workloads and the network policies of
// every engine the pack reads (Kubernetes, Cilium, Calico, AdminNetworkPolicy), with the pods each selects.
import type { PolicyResource } from "@pulumi/policy";
import { labelsOf, namespaceOf } from "../../core/kubernetes-objects";
import { anyOf, kubernetes } from "../../core/types";
import { unknownPaths } from "../../core/unknowns";
import { asBool, asDict, asString } from "../../core/values";
import { podSpecOf, podSpecPath } from "../../core/workloads";
import { adminNetworkPolicyLayers } from "./admin-network-policy";
import { calicoLayers } from "./calico";
import { ciliumLayers } from "./cilium";
import { networkPolicyLayers } from "./kubernetes-network-policy";
import { collectLayers, type EngineContext, type PodIdentity, type PolicySet, type UnknownPolicy } from "./traffic";

export { egressRuleAllows, policyTypesOf, ruleAllowsAnyAddress, ruleAllowsEverything } from "./kubernetes-network-policy";

/** The name of a Namespace object. */
export function namespaceObjectName(props: unknown): string | undefined {
    return asString(asDict(asDict(props)?.metadata)?.name);
}

/** Every network-policy kind the pack reads. */
export const networkPolicyTypes = anyOf(
    kubernetes.networkPolicy,
    kubernetes.ciliumNetworkPolicy,
    kubernetes.ciliumClusterwideNetworkPolicy,
    kubernetes.calicoNetworkPolicy,
    kubernetes.calicoGlobalNetworkPolicy,
    kubernetes.adminNetworkPolicy,
    kubernetes.baselineAdminNetworkPolicy,
);

const clusterScoped = anyOf(kubernetes.ciliumClusterwideNetworkPolicy, kubernetes.calicoGlobalNetworkPolicy, kubernetes.adminNetworkPolicy, kubernetes.baselineAdminNetworkPolicy);

export interface WorkloadModel {
    resource: PolicyResource;
    kind: string;
    namespace: string;
    /** The pod template's labels. */
    labels: Record<string, string>;
    hostNetwork: boolean;
    serviceAccount: string;
}

/** Workloads whose pods cannot be judged in this preview, with the unknown field. */
export interface UnknownWorkload {
    resource: PolicyResource;
    field: string;
}

/** True when an unknown at `path` hides what segmentation reads of a workload: namespace, pod labels, hostNetwork, service account. */
function segmentationReads(path: string, podPath: readonly string[]): boolean {
    const pod = podPath.join(".");
    const podMetadata = [...podPath.slice(0, -1), "metadata"].join(".");
    const under = (p: string, prefix: string) => p === prefix || p.startsWith(`${prefix}.`);
    return (
        path === "" ||
        path === "metadata" ||
        under(path, "metadata.namespace") ||
        path === podMetadata ||
        under(path, `${podMetadata}.labels`) ||
        under(path, `${pod}.hostNetwork`) ||
        under(path, `${pod}.serviceAccountName`) ||
        `${pod}.`.startsWith(`${path}.`)
    );
}

/** Every workload of the stack with its pods' namespace, labels, hostNetwork and service account. */
export function workloadModels(resources: readonly PolicyResource[], unknown: UnknownWorkload[] = []): WorkloadModel[] {
    const models: WorkloadModel[] = [];
    for (const resource of resources) {
        const podPath = podSpecPath(resource.type);
        if (!podPath) continue;
        const field = unknownPaths(resource.props).find((p) => segmentationReads(p, podPath));
        if (field !== undefined) {
            unknown.push({ resource, field });
            continue;
        }
        const pod = podSpecOf(resource.type, resource.props);
        if (!pod) continue;
        models.push({
            resource,
            kind: pod.kind,
            namespace: namespaceOf(resource.props),
            labels: labelsOf(pod.podMetadata?.labels),
            hostNetwork: asBool(pod.spec.hostNetwork) === true,
            serviceAccount: asString(pod.spec.serviceAccountName) ?? "default",
        });
    }
    return models;
}

/** The stack's network policies, of every engine, and what a pod looks like to them. */
export interface StackTraffic extends PolicySet {
    identity(workload: WorkloadModel): PodIdentity;
    /** Policies unknown in this preview that may select pods of the namespace. */
    unknownFor(namespace: string): UnknownPolicy[];
    /** Why policies that may apply in the namespace are ignored, for messages ("" when none). */
    ignoredNote(namespace: string): string;
    /** True when some policy of any engine sits in the namespace or cluster-wide. */
    anyPolicyFor(namespace: string): boolean;
}

export function stackTraffic(resources: readonly PolicyResource[]): StackTraffic {
    const namespaceLabels = new Map<string, Record<string, string>>();
    for (const r of resources) {
        if (!kubernetes.namespace.has(r.type) || unknownPaths(r.props).some((p) => p === "" || p.startsWith("metadata"))) continue;
        const name = namespaceObjectName(r.props);
        if (name) namespaceLabels.set(name, labelsOf(asDict(asDict(r.props)?.metadata)?.labels));
    }
    const labelsOfNamespace = (namespace: string) => ({ ...(namespaceLabels.get(namespace) ?? {}), "kubernetes.io/metadata.name": namespace });
    const context: EngineContext = { namespaceLabels: labelsOfNamespace, owns: (type) => networkPolicyTypes.has(type) };
    // A namespace unknown in this preview reads as cluster-wide: the policy may apply anywhere.
    const namespaceOfPolicy = (r: PolicyResource) => (clusterScoped.has(r.type) || unknownPaths(r.props).some((p) => p === "" || p === "metadata" || p === "metadata.namespace") ? undefined : namespaceOf(r.props));
    const set = collectLayers(
        resources,
        [networkPolicyLayers, ciliumLayers, (r) => calicoLayers(r, labelsOfNamespace), adminNetworkPolicyLayers],
        context,
        namespaceOfPolicy,
    );
    const applies = (namespace: string) => (policyNamespace: string | undefined) => policyNamespace === undefined || policyNamespace === namespace;
    const present = resources.filter((r) => networkPolicyTypes.has(r.type)).map(namespaceOfPolicy);
    return {
        ...set,
        identity: (w) => ({ namespace: w.namespace, labels: w.labels, namespaceLabels: labelsOfNamespace(w.namespace), serviceAccount: w.serviceAccount }),
        unknownFor: (namespace) => set.unknown.filter((u) => applies(namespace)(u.namespace)),
        ignoredNote: (namespace) => {
            const notes = set.ignored.filter((i) => applies(namespace)(i.namespace)).map((i) => `${i.label} is ignored: its ${i.problem}`);
            return notes.length > 0 ? ` (${notes.join("; ")})` : "";
        },
        anyPolicyFor: (namespace) => present.some(applies(namespace)),
    };
}

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
    return groups;
}

/** `{app: "web"}` for messages. */
export function showLabels(labels: Record<string, string>): string {
    const entries = Object.entries(labels);
    return entries.length === 0 ? "no labels" : `labels ${entries.map(([k, v]) => `${k}=${v}`).join(",")}`;
}
