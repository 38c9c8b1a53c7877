// The traffic model every network-policy engine maps onto: which policies select a pod, whether they put
// it in default deny for a direction, and the ordered rules that decide a connection. One evaluation
// serves Kubernetes NetworkPolicies, Cilium, Calico, and SIG Network's AdminNetworkPolicy and
// ClusterNetworkPolicy.
import type { PolicyResource } from "@pulumi/policy";
import { cidrContainsAddress, parseCidr } from "../../core/cidr";
import { groupBy, pushTo } from "../../core/collections";
import type { TypeSet } from "../../core/types";
import { knownPlain, unknownPaths } from "../../core/unknowns";
import { asDict, asNumber, asString, type Dict, wrongType } from "../../core/values";
import type { ClusterKey } from "../clusters";
import { knownName, type NamespaceLink, outputsUnknown, SiblingUnknown, unknownOutputs } from "../links";

export type Direction = "Ingress" | "Egress";
export type Action = "Allow" | "Deny" | "Pass";

/**
 * What a policy sees of a pod: its namespace, labels, its namespace's name and labels and its service
 * account. The last three are read when a selector needs them, and throw `SiblingUnknown` when unknown in
 * this preview.
 */
export interface PodIdentity {
    namespace: NamespaceLink;
    labels: Record<string, string>;
    readonly namespaceName: string;
    readonly namespaceLabels: Record<string, string>;
    readonly serviceAccount: string;
    /** The labels an engine sees for the pod, built by `view` once per pod however many policies ask. */
    viewedAs(view: LabelView): Record<string, string>;
}

/** How an engine labels a pod (e.g. Cilium's endpoint labels); a module-level function, so it is one key per engine. */
export type LabelView = (pod: PodIdentity) => Record<string, string>;

/** Label values, or readers for values that may be unknown in this preview. */
export type LabelSource = Readonly<Record<string, string | (() => string)>>;

/**
 * Labels whose values are read only when a selector asks for one: a namespace's name or a service account
 * may be unknown in this preview, and then throws `SiblingUnknown` only for a selector that needs it.
 * Lazy values of a source stay lazy; later sources win.
 */
export function lazyLabels(...sources: LabelSource[]): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const source of sources) {
        for (const key of Object.keys(source)) {
            const own = Object.getOwnPropertyDescriptor(source, key)!;
            const value: unknown = own.get ?? own.value;
            const read = typeof value === "function" ? (value as () => string) : () => value as string;
            Object.defineProperty(labels, key, { get: read, enumerable: true, configurable: true });
        }
    }
    return labels;
}

/** True when a policy of the namespace (undefined: cluster-wide) may apply to the pod's namespace. */
export function inNamespace(policyNamespace: NamespaceLink | undefined, pod: PodIdentity): boolean {
    return policyNamespace === undefined || policyNamespace.key === pod.namespace.key;
}

/** One rule of a policy, for one direction. */
export interface TrafficRule {
    action: Action;
    /** Where it sits in the policy, e.g. `spec.egress[0]`. */
    path: string;
    /** How the rule admits the pod's TCP traffic to the address on the metadata port, or undefined when it does not. */
    reaches(address: string, pod: PodIdentity): string | undefined;
    /** How a rule that reaches the metadata addresses is fixed. */
    fix(addresses: readonly string[]): string;
    /** How the rule admits every source (ingress), or undefined. */
    admitsEverything?: string;
}

/**
 * Where a policy is evaluated: `admin` (AdminNetworkPolicy and Admin-tier ClusterNetworkPolicy, by
 * priority, before everything), `deny` (Cilium deny rules, which win over every allow), `tier` (a Calico
 * tier other than default), `default` (the default tier: NetworkPolicies, Cilium allow rules, Calico
 * default-tier policies), `baseline` (BaselineAdminNetworkPolicy and Baseline-tier ClusterNetworkPolicy,
 * only for pods no earlier policy isolates).
 */
export type Stage = "admin" | "deny" | "tier" | "default" | "baseline";

export interface PolicyLayer {
    resource: PolicyResource;
    /** How messages name it, e.g. `CiliumNetworkPolicy "shop/deny"`. */
    label: string;
    stage: Stage;
    /** Calico tier name for the `tier` stage. */
    tier?: string;
    /** Evaluation order within the stage (lower first): ANP priority, Calico order; NetworkPolicies are 1000. */
    order: number;
    name: string;
    selects(pod: PodIdentity): boolean;
    /** Directions in which the selected pods are in default deny. */
    isolates: ReadonlySet<Direction>;
    rules: Readonly<Record<Direction, readonly TrafficRule[]>>;
}

/** A policy with a field unknown in this preview: the verdicts it might change are judged at up. */
export interface UnknownPolicy {
    /** The unknown field, and the resource that holds it (the policy, or the Namespace it may be in). */
    unknown: SiblingUnknown;
    /** The namespace it applies in; undefined for cluster-wide or not known yet. */
    namespace?: NamespaceLink;
    /** The cluster it goes to. */
    cluster: ClusterKey;
    /** The earliest stage its kind acts in. */
    stage: Stage;
    /** True for a kind that only adds Allow rules in that stage (Kubernetes NetworkPolicies). */
    onlyAllows: boolean;
}

/** A policy that is ignored because a field has the wrong type (the API server would reject it). */
export interface IgnoredPolicy {
    label: string;
    namespace?: NamespaceLink;
    problem: string;
}

export interface PolicySet {
    unknown: UnknownPolicy[];
    ignored: (IgnoredPolicy & { cluster: ClusterKey })[];
    /** The layers that may select pods of the namespace: its own and the cluster-wide ones, in stack order. */
    layersIn(namespace: NamespaceLink): readonly PolicyLayer[];
}

/** The port metadata services listen on (AWS IMDS, Azure IMDS, GCE metadata server). */
export const metadataPort = 80;

/** The GCE metadata server's name and the address it resolves to, for rules that allow destinations by name. */
export const metadataName = "metadata.google.internal";
export const metadataNameAddress = "169.254.169.254";

/** A port or range a rule names; `named` ports cannot be judged and may be anything. */
export interface PortSpec {
    protocol?: string;
    start?: number;
    end?: number;
    named?: boolean;
}

/** True when one of the ports admits TCP on the metadata port; no port list means every port. */
export function portsAdmitMetadata(ports: readonly PortSpec[] | undefined): boolean {
    if (!ports || ports.length === 0) return true;
    return ports.some((p) => {
        const protocol = (p.protocol ?? "TCP").toUpperCase();
        if (protocol !== "TCP" && protocol !== "ANY" && protocol !== "6") return false;
        if (p.named || p.start === undefined) return true;
        return p.start <= metadataPort && metadataPort <= (p.end ?? p.start);
    });
}

/** `80`, `"80"`, `"80:90"` (Calico ranges), or a named port. */
export function portSpecOf(port: unknown, protocol?: string, endPort?: unknown): PortSpec {
    if (port === undefined || port === null) return { protocol };
    const text = typeof port === "number" ? String(port) : asString(port);
    const range = text?.match(/^(\d+):(\d+)$/);
    if (range) return { protocol, start: Number(range[1]), end: Number(range[2]) };
    const number = asNumber(port);
    if (number === undefined) return { protocol, named: true };
    // Port 0 means every port (Cilium).
    if (number === 0) return { protocol };
    return { protocol, start: number, end: asNumber(endPort) };
}

/** `"169.254.169.254/32", "fd00:ec2::254/128"`: the addresses as host CIDRs, quoted, for fixes. */
export function hostCidrs(addresses: readonly string[]): string {
    return addresses.map((a) => `"${a}/${a.includes(":") ? 128 : 32}"`).join(", ");
}

/**
 * Describes how one of the CIDRs contains the address with no exception covering it, e.g.
 * `toCIDRSet[0] 0.0.0.0/0 contains 169.254.169.254 and no \`except\` entry excludes it`.
 */
export function cidrReaches(where: string, cidrText: unknown, except: readonly unknown[], address: string): string | undefined {
    const cidr = parseCidr(cidrText);
    if (!cidr || !cidrContainsAddress(cidr, address)) return undefined;
    const excepted = except.some((e) => {
        const ex = parseCidr(e);
        return ex !== undefined && cidrContainsAddress(ex, address);
    });
    if (excepted) return undefined;
    return `${where} ${cidr.text} contains ${address}${except.length > 0 ? " and no `except` entry excludes it" : ""}`;
}

export type Engine = (resource: PolicyResource, context: EngineContext) => PolicyLayer[] | IgnoredPolicy | undefined;

/**
 * Builds a layer set, turning a policy with unknown fields into an UnknownPolicy instead of reading them;
 * one whose namespace is not known yet may apply in any namespace of its cluster. Cluster-wide layers
 * apply in their own cluster.
 */
export function collectLayers(resources: readonly PolicyResource[], engines: readonly Engine[], context: EngineContext): PolicySet {
    // Selecting a pod checks only its namespace's layers: a stack of many namespaces stays linear.
    const namespaced = new Map<string, PolicyLayer[]>();
    const clusterwide = new Map<ClusterKey, PolicyLayer[]>();
    const position = new Map<PolicyLayer, number>();
    const inNamespace = new Map<string, readonly PolicyLayer[]>();
    const set: PolicySet = {
        unknown: [],
        ignored: [],
        layersIn: (link) => {
            const key = `${link.cluster}\u0000${link.key}`;
            let layers = inNamespace.get(key);
            if (!layers) {
                layers = [...(clusterwide.get(link.cluster) ?? []), ...(namespaced.get(link.key) ?? [])].sort((a, b) => position.get(a)! - position.get(b)!);
                inNamespace.set(key, layers);
            }
            return layers;
        },
    };
    for (const resource of resources) {
        if (!context.owns(resource.type)) continue;
        const cluster = context.clusterOf(resource);
        const unknownPolicy = (unknown: SiblingUnknown, namespace?: NamespaceLink) => set.unknown.push({ unknown, namespace, cluster, ...context.earliestStage(resource.type) });
        if (outputsUnknown(resource)) {
            unknownPolicy(unknownOutputs(resource));
            continue;
        }
        let namespace: NamespaceLink | undefined;
        try {
            namespace = context.namespaceOf(resource);
        } catch (e) {
            if (!(e instanceof SiblingUnknown)) throw e;
            unknownPolicy(e);
            continue;
        }
        // Engines read the policy's spec; its metadata gives only the namespace (linked above) and the name.
        const field = unknownPaths(resource.props).find((p) => p !== "metadata.name" && p !== "metadata.namespace" && !p.startsWith("metadata.labels") && !p.startsWith("metadata.annotations"));
        if (field !== undefined) {
            unknownPolicy(new SiblingUnknown(resource, field), namespace);
            continue;
        }
        for (const engine of engines) {
            const result = engine(resource, context);
            if (result === undefined) continue;
            if (Array.isArray(result)) {
                for (const layer of result) {
                    position.set(layer, position.size);
                    if (namespace) pushTo(namespaced, namespace.key, layer);
                    else pushTo(clusterwide, cluster, layer);
                }
            } else {
                set.ignored.push({ ...result, cluster });
            }
            break;
        }
    }
    return set;
}

/** What engines need from the stack. */
export interface EngineContext {
    /** True for a type token one of the engines reads. */
    owns(type: string): boolean;
    /** Where a namespaced policy lives (undefined for a cluster-wide kind); throws `SiblingUnknown` when not known yet. */
    namespaceOf(resource: PolicyResource): NamespaceLink | undefined;
    /** The cluster a policy goes to (../clusters). */
    clusterOf(resource: PolicyResource): ClusterKey;
    /** The earliest stage a policy kind acts in, and whether it only adds Allow rules there. */
    earliestStage(type: string): { stage: Stage; onlyAllows: boolean };
}

/** A rule that reached the metadata address, with the policy that holds it. */
export interface RuleHit {
    layer: PolicyLayer;
    rule: TrafficRule;
    how: string;
}

/** Where the verdict was decided: the stage of the rule (or default deny) that decided it; none when unrestricted. */
export type EgressVerdict =
    | { kind: "blocked"; stage: Stage }
    | { kind: "allowed"; stage: Stage; hits: RuleHit[] }
    | { kind: "unrestricted" };

const stageOrder: readonly Stage[] = ["admin", "deny", "tier", "default", "baseline"];

/**
 * True when a policy unknown in this preview, of a kind that acts from `stage` on, might change the
 * verdict: it acts before the stage that decided it, or in that stage and could add a rule that wins
 * there (Kubernetes NetworkPolicies only add Allow rules, which cannot undo an allow).
 */
export function mayChange(unknown: Pick<UnknownPolicy, "stage" | "onlyAllows">, verdict: EgressVerdict): boolean {
    if (verdict.kind === "unrestricted") return true;
    const at = stageOrder.indexOf(unknown.stage);
    const decided = stageOrder.indexOf(verdict.stage);
    if (at !== decided) return at < decided;
    return !(verdict.kind === "allowed" && unknown.onlyAllows);
}

// Ties go by name in byte order, as Calico does (felix/calc/policy_sorter.go, PolKVLess), without ICU collation.
const byOrder = (a: PolicyLayer, b: PolicyLayer) => a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The first rule that matches decides; Allow rules met before it are all reported (NetworkPolicies are a
 * union of Allow rules, so each one that reaches the address is a finding).
 */
function decide(layers: readonly PolicyLayer[], pod: PodIdentity, address: string): { action?: Action; hits: RuleHit[] } {
    const hits: RuleHit[] = [];
    for (const layer of layers) {
        for (const rule of layer.rules.Egress) {
            const how = rule.reaches(address, pod);
            if (!how) continue;
            if (rule.action === "Allow") hits.push({ layer, rule, how });
            else return hits.length > 0 ? { action: "Allow", hits } : { action: rule.action, hits };
        }
    }
    return hits.length > 0 ? { action: "Allow", hits } : { hits };
}

/** The layers that select a pod, by stage in evaluation order: worked out once per pod, for every address. */
export interface SelectingLayers {
    byStage: ReadonlyMap<Stage, readonly PolicyLayer[]>;
}

export function selectingLayers(pod: PodIdentity, layers: readonly PolicyLayer[]): SelectingLayers {
    const byStage = groupBy(layers.filter((l) => l.selects(pod)), (l) => l.stage);
    for (const inStage of byStage.values()) inStage.sort(byOrder);
    return { byStage };
}

/**
 * Whether a pod's TCP traffic to the address on the metadata port is blocked, in the order the engines
 * evaluate: admin policies by priority; Cilium deny rules; Calico tiers; the default tier; and, for a
 * pod nothing isolates, the baseline policies.
 */
export function egressVerdict(pod: PodIdentity, selecting: SelectingLayers, address: string): EgressVerdict {
    const stage = (s: Stage) => selecting.byStage.get(s) ?? [];

    const admin = decide(stage("admin"), pod, address);
    if (admin.action === "Allow") return { kind: "allowed", stage: "admin", hits: admin.hits };
    if (admin.action === "Deny") return { kind: "blocked", stage: "admin" };

    if (decide(stage("deny"), pod, address).action === "Deny") return { kind: "blocked", stage: "deny" };

    const tiers = stage("tier");
    for (const tier of [...new Set(tiers.map((l) => l.tier ?? ""))].sort()) {
        const inTier = tiers.filter((l) => (l.tier ?? "") === tier && l.isolates.has("Egress"));
        if (inTier.length === 0) continue;
        const r = decide(inTier, pod, address);
        if (r.action === "Allow") return { kind: "allowed", stage: "tier", hits: r.hits };
        if (r.action !== "Pass") return { kind: "blocked", stage: "tier" }; // Deny, or the end-of-tier deny
    }

    const defaults = stage("default");
    if (defaults.some((l) => l.isolates.has("Egress"))) {
        const r = decide(defaults, pod, address);
        if (r.action === "Allow") return { kind: "allowed", stage: "default", hits: r.hits };
        if (r.action !== "Pass") return { kind: "blocked", stage: "default" };
    }

    return decide(stage("baseline"), pod, address).action === "Deny" ? { kind: "blocked", stage: "baseline" } : { kind: "unrestricted" };
}

/** The policies that put the pod in default deny for ingress (AdminNetworkPolicies cannot: see ./admin-network-policy). */
export function ingressIsolators(pod: PodIdentity, layers: readonly PolicyLayer[]): PolicyLayer[] {
    return layers.filter((l) => (l.stage === "tier" || l.stage === "default") && l.isolates.has("Ingress") && l.selects(pod));
}

/** `"shop/web"`, or `"web"` for a cluster-scoped object or one whose namespace's name is not known yet. */
export function qualifiedName(namespace: NamespaceLink | undefined, name: string): string {
    return namespace?.name !== undefined ? `${namespace.name}/${name}` : name;
}

/** A policy object of one engine: its props, namespace (none when cluster-wide), name and label for messages. */
export interface PolicyObject {
    props: Dict | undefined;
    namespace?: NamespaceLink;
    name: string;
    label: string;
    /** An IgnoredPolicy for a field of the wrong type. */
    ignored(path: string, expected: string, value: unknown): IgnoredPolicy;
}

/** Reads the identity of a namespaced or cluster-wide policy kind; undefined for other types. */
export function policyObject(
    resource: PolicyResource,
    context: EngineContext,
    namespaced: [TypeSet, string] | undefined,
    clusterwide: [TypeSet, string] | undefined,
): PolicyObject | undefined {
    const scope = namespaced?.[0].has(resource.type) ? namespaced : clusterwide?.[0].has(resource.type) ? clusterwide : undefined;
    if (!scope) return undefined;
    // Engines run only on policies with nothing unknown outside metadata (collectLayers): when nothing is
    // unknown at all, their many reads go to the plain data instead of building a proxy each.
    const props = asDict(knownPlain(resource.props) ?? resource.props);
    const namespace = scope === namespaced ? context.namespaceOf(resource) : undefined;
    const name = knownName(resource) ?? resource.name;
    const label = `${scope[1]} "${qualifiedName(namespace, name)}"`;
    return { props, namespace, name, label, ignored: (path, expected, value) => ({ label, namespace, problem: `${path} ${wrongType(expected, value)}` }) };
}

/** What the reference says about the engines the segmentation policies read (rendered by `npm run docs`). */
export const networkPolicyFormsDoc: readonly string[] = [
    "k8s-network-default-deny-ingress and k8s-block-metadata-egress read these network policies, from Pulumi programs " +
        "(`kubernetes.networking.v1.NetworkPolicy`, or `kubernetes.apiextensions.CustomResource` with the apiVersion and kind " +
        "below, type `kubernetes:<group>/<version>:<Kind>`) and from YAML given to `cluster-guard scan`:",
    "",
    "| Kind | apiVersion | Default-deny ingress | Metadata egress |",
    "|---|---|---|---|",
    "| NetworkPolicy | `networking.k8s.io/v1` | selects the pods with `Ingress` in policyTypes (the API default) | selects the pods with `Egress` in policyTypes; no rule's `to` reaches the address (ipBlock `except` honoured) |",
    "| CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy | `cilium.io/v2` | `endpointSelector` selects the pods (`{}`: all of the namespace, or of the cluster) and the rule has `ingress` or `ingressDeny` rules, or `enableDefaultDeny.ingress: true`; an empty rule `{}` allows nothing; `specs` lists are read | the same for egress; `toCIDR`, `toCIDRSet` with `except`, `toEntities` world/all, port-only rules and `toFQDNs` matching metadata.google.internal reach the address; an `egressDeny` rule that covers it wins over every allow |",
    "| NetworkPolicy, GlobalNetworkPolicy | `projectcalico.org/v3` (and `crd.projectcalico.org/v1`) | `selector` (absent: `all()`), and for a global policy `namespaceSelector`, select the pods and `types` (Calico's default when absent) includes Ingress; a policy whose ingress has a criteria-less `Pass` does not count | tiers, then `order` (absent: last; NetworkPolicies are 1000); the first rule that matches decides (`Deny` with `destination.nets`, `Allow`, `Pass` to the next tier); a tier that applies denies what no rule matched. Tiers other than `default` are taken to come before it |",
    "| AdminNetworkPolicy, BaselineAdminNetworkPolicy | `policy.networking.k8s.io/v1alpha1` | never: their ingress peers are namespaces and pods, so they cannot deny traffic from outside the cluster | AdminNetworkPolicies by `priority` before everything else: a `Deny` rule whose `networks` cover the address blocks it, `Allow` opens it (also through `domainNames` matching metadata.google.internal), `Pass` leaves it to the NetworkPolicies; the baseline policy decides only for pods no other policy isolates |",
    "| ClusterNetworkPolicy | `policy.networking.k8s.io/v1alpha2` | never, for the same reason | as the two kinds above, with `tier: Admin` or `tier: Baseline`, `Accept` for Allow, ports under `protocols`, and `priority` ordering both tiers |",
    "",
    "Selectors match the pod template's labels, the namespace's labels from its Namespace object in the stack (plus " +
        "`kubernetes.io/metadata.name`), and the service account. A policy whose fields have the wrong type is ignored, and the " +
        "finding says so; a policy with a value unknown in a preview defers only the pods it may select, and only " +
        "the verdicts it could change. A namespaced policy is placed in its namespace by value, or in a preview by the Namespace " +
        "its `metadata` was computed from (`metadata: { namespace: ns.metadata.name }`).",
];
