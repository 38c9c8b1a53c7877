// Shared model for the network-segmentation policies: the stack's workloads and the network policies of
// every engine the pack reads (Kubernetes, Cilium, Calico, and SIG Network's AdminNetworkPolicy and
// ClusterNetworkPolicy), with the pods each selects.
//
// Namespaces are linked as ../links finds them: by value, or in a preview by the Namespace an object's
// metadata was computed from. What a verdict needs and cannot have in this preview (a workload's field, a
// policy's field or namespace, a Namespace's name or labels) is a `SiblingUnknown` naming the resource
// and field; it defers only the verdicts it might change, and only when no known part decides them.
import type { PolicyResource } from "@pulumi/policy";
import { labelsOf } from "../../core/kubernetes-objects";
import type { StackCheckContext } from "../../core/policy";
import { anyOf, kubernetes } from "../../core/types";
import { unknownPaths } from "../../core/unknowns";
import { asBool, asDict, asString } from "../../core/values";
import { podSpecOf, podSpecPath } from "../../core/workloads";
import type { ClusterKey } from "../clusters";
import { type NamespaceLink, Namespaces, outputsUnknown, readSibling, SiblingUnknown, unknownOutputs } from "../links";
import { adminNetworkPolicyLayers } from "./admin-network-policy";
import { calicoLayers } from "./calico";
import { ciliumLayers } from "./cilium";
import { networkPolicyLayers } from "./kubernetes-network-policy";
import { collectLayers, type EngineContext, type LabelView, lazyLabels, type PodIdentity, type PolicySet, type Stage, type UnknownPolicy } from "./traffic";

export { egressRuleAllows, policyTypesOf, ruleAllowsAnyAddress, ruleAllowsEverything } from "./kubernetes-network-policy";

const cilium = anyOf(kubernetes.ciliumNetworkPolicy, kubernetes.ciliumClusterwideNetworkPolicy);
const calico = anyOf(kubernetes.calicoNetworkPolicy, kubernetes.calicoGlobalNetworkPolicy);

/** SIG Network's cluster-wide kinds (./admin-network-policy). */
const networkPolicyApi = anyOf(kubernetes.adminNetworkPolicy, kubernetes.baselineAdminNetworkPolicy, kubernetes.clusterNetworkPolicy);

/** Every network-policy kind the pack reads. */
const networkPolicyTypes = anyOf(kubernetes.networkPolicy, cilium, calico, networkPolicyApi);

const clusterScoped = anyOf(kubernetes.ciliumClusterwideNetworkPolicy, kubernetes.calicoGlobalNetworkPolicy, networkPolicyApi);

/** The earliest stage a kind acts in (see ./traffic): Cilium deny rules, Calico tiers, AdminNetworkPolicy priorities (a ClusterNetworkPolicy's tier may be Admin). */
function earliestStage(type: string): { stage: Stage; onlyAllows: boolean } {
    if (kubernetes.networkPolicy.has(type)) return { stage: "default", onlyAllows: true };
    if (cilium.has(type)) return { stage: "deny", onlyAllows: false };
    if (calico.has(type)) return { stage: "tier", onlyAllows: false };
    if (kubernetes.adminNetworkPolicy.has(type) || kubernetes.clusterNetworkPolicy.has(type)) return { stage: "admin", onlyAllows: false };
    return { stage: "baseline", onlyAllows: false };
}

export interface WorkloadModel {
    resource: PolicyResource;
    kind: string;
    namespace: NamespaceLink;
    /** The pod template's labels. */
    labels: Record<string, string>;
    hostNetwork: boolean;
    /** The service account, or what leaves it unknown in this preview (read only by selectors that need it). */
    serviceAccount: string | SiblingUnknown;
}

/** The first unknown path of a resource that hides `target` (is it, holds it, or lies inside it). */
function unknownAt(paths: readonly string[], target: string): string | undefined {
    return paths.find((p) => p === "" || p === target || target.startsWith(`${p}.`) || p.startsWith(`${target}.`) || p.startsWith(`${target}[`));
}

/**
 * Every workload of the stack with its pods' namespace, labels, hostNetwork and service account. A workload
 * whose namespace, hostNetwork or pod labels are unknown in this preview goes to `unknown` instead; one
 * known to run with hostNetwork needs no labels.
 */
export function workloadModels(resources: readonly PolicyResource[], namespaces: Namespaces, unknown: SiblingUnknown[] = []): WorkloadModel[] {
    const models: WorkloadModel[] = [];
    for (const resource of resources) {
        const podPath = podSpecPath(resource.type);
        if (!podPath) continue;
        if (outputsUnknown(resource)) {
            unknown.push(unknownOutputs(resource));
            continue;
        }
        const paths = unknownPaths(resource.props);
        const pod = podPath.join(".");
        const podMetadata = [...podPath.slice(0, -1), "metadata"].join(".");
        const hostField = unknownAt(paths, `${pod}.hostNetwork`);
        if (hostField !== undefined) {
            unknown.push(new SiblingUnknown(resource, hostField));
            continue;
        }
        const spec = podSpecOf(resource.type, resource.props);
        if (!spec) continue;
        const hostNetwork = asBool(spec.spec.hostNetwork) === true;
        const labelsField = hostNetwork ? undefined : unknownAt(paths, `${podMetadata}.labels`);
        if (labelsField !== undefined) {
            unknown.push(new SiblingUnknown(resource, labelsField));
            continue;
        }
        let namespace: NamespaceLink;
        try {
            namespace = namespaces.of(resource);
        } catch (e) {
            if (!(e instanceof SiblingUnknown)) throw e;
            unknown.push(e);
            continue;
        }
        const accountField = unknownAt(paths, `${pod}.serviceAccountName`);
        models.push({
            resource,
            kind: spec.kind,
            namespace,
            labels: hostNetwork ? {} : labelsOf(spec.podMetadata?.labels),
            hostNetwork,
            serviceAccount: accountField !== undefined ? new SiblingUnknown(resource, accountField) : (asString(spec.spec.serviceAccountName) ?? "default"),
        });
    }
    return models;
}

/** The stack's network policies, of every engine, and what a pod looks like to them. */
export interface StackTraffic extends PolicySet {
    namespaces: Namespaces;
    identity(workload: WorkloadModel): PodIdentity;
    /** Policies unknown in this preview that may select pods of the namespace. */
    unknownFor(namespace: NamespaceLink): UnknownPolicy[];
    /** Why policies that may apply in the namespace are ignored, for messages ("" when none). */
    ignoredNote(namespace: NamespaceLink): string;
    /** True when some policy of any engine sits in the namespace or cluster-wide. */
    anyPolicyFor(namespace: NamespaceLink): boolean;
}

export function stackTraffic(resources: readonly PolicyResource[]): StackTraffic {
    const namespaces = new Namespaces(resources);
    const context: EngineContext = {
        owns: (type) => networkPolicyTypes.has(type),
        namespaceOf: (r) => (clusterScoped.has(r.type) ? undefined : namespaces.of(r)),
        clusterOf: (r) => namespaces.clusterOf(r),
        earliestStage,
    };
    const set = collectLayers(resources, [networkPolicyLayers, ciliumLayers, calicoLayers, adminNetworkPolicyLayers], context);
    // A policy applies in its namespace; a cluster-wide one, or one whose namespace is not known yet, in every namespace of its cluster.
    const applies = (link: NamespaceLink) => (policy: { namespace?: NamespaceLink; cluster: ClusterKey }) =>
        policy.namespace === undefined ? policy.cluster === link.cluster : policy.namespace.key === link.key;
    const present = resources.filter((r) => networkPolicyTypes.has(r.type)).map((r) => {
        const cluster = context.clusterOf(r);
        try {
            return { namespace: context.namespaceOf(r), cluster };
        } catch (e) {
            if (!(e instanceof SiblingUnknown)) throw e;
            return { cluster }; // may be in any namespace of its cluster
        }
    });
    // A Namespace whose name is not known yet, with policies of its own, may be a namespace known by name.
    const withPolicies = new Set(present.map((p) => p.namespace?.key));
    const unnamedWithPolicies = (link: NamespaceLink): UnknownPolicy[] =>
        namespaces
            .couldBe(link)
            .filter((ns) => withPolicies.has(namespaces.keyOfNamespace(ns)))
            .map((ns) => ({ unknown: new SiblingUnknown(ns, "metadata.name"), cluster: link.cluster, stage: "admin", onlyAllows: false }));
    return {
        ...set,
        namespaces,
        identity: (w) => podIdentity(w),
        unknownFor: (link) => [...set.unknown.filter(applies(link)), ...unnamedWithPolicies(link)],
        ignoredNote: (link) => {
            const notes = set.ignored.filter(applies(link)).map((i) => `${i.label} is ignored: its ${i.problem}`);
            return notes.length > 0 ? ` (${notes.join("; ")})` : "";
        },
        anyPolicyFor: (link) => present.some(applies(link)),
    };
}

/** What the policies see of a workload's pods; the namespace's name and labels are read from its Namespace when needed. */
function podIdentity(w: WorkloadModel): PodIdentity {
    const link = w.namespace;
    const name = (): string => {
        if (link.name !== undefined) return link.name;
        throw new SiblingUnknown(link.namespace!, "metadata.name");
    };
    let namespaceLabels: Record<string, string> | undefined;
    const views = new Map<LabelView, Record<string, string>>();
    return {
        namespace: link,
        labels: w.labels,
        get namespaceName() {
            return name();
        },
        get namespaceLabels() {
            if (namespaceLabels) return namespaceLabels;
            const ns = link.namespace;
            const labels = ns ? readSibling(ns, () => labelsOf(asDict(asDict(ns.props)?.metadata)?.labels)) : {};
            return (namespaceLabels = lazyLabels(labels, { "kubernetes.io/metadata.name": name }));
        },
        viewedAs(view) {
            let labels = views.get(view);
            if (!labels) views.set(view, (labels = view(this)));
            return labels;
        },
        get serviceAccount() {
            if (w.serviceAccount instanceof SiblingUnknown) throw w.serviceAccount;
            return w.serviceAccount;
        },
    };
}

/** SIG Network's kinds cannot put pods in default deny for ingress (see ./admin-network-policy): an unknown one does not matter there. */
export function mayIsolateIngress(u: UnknownPolicy): boolean {
    return !networkPolicyApi.has(u.unknown.resource.type);
}

/** Defers for the unknown policies, each naming its resource and field. */
export function deferFor<C>(ctx: StackCheckContext<C>, unknown: readonly UnknownPolicy[]): void {
    for (const u of unknown) ctx.defer(u.unknown.resource, u.unknown.field, u.unknown.why);
}

/** `{app: "web"}` for messages. */
export function showLabels(labels: Record<string, string>): string {
    const entries = Object.entries(labels);
    return entries.length === 0 ? "no labels" : `labels ${entries.map(([k, v]) => `${k}=${v}`).join(",")}`;
}
