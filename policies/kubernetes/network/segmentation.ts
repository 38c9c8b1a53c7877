// Shared model for the network-segmentation policies: namespaces, label selectors, NetworkPolicies and
// the pods each one selects, judged the way the Kubernetes API and CNI plugins read them.
//
// In a preview a NetworkPolicy field may be unknown. What a workload's verdict needs from a policy is
// read through `readSibling`, so an unknown field defers that workload's verdict naming the policy and
// the field, and only when no known policy already decides it.
import type { PolicyResource } from "@pulumi/policy";
import { cidrContainsAddress, parseCidr } from "../../core/cidr";
import { labelSelectorMatches, labelsOf } from "../../core/kubernetes-objects";
import { kubernetes } from "../../core/types";
import { UnknownValueError } from "../../core/unknowns";
import { asArray, asBool, asDict, asNumber, asString, asStrings, type Dict, isDict } from "../../core/values";
import { podSpecOf } from "../../core/workloads";
import { knownName, type NamespaceLink, Namespaces, readSibling, SiblingUnknown } from "../links";

export type Direction = "Ingress" | "Egress";

/** Effective policyTypes, as the API server defaults them. */
export function policyTypesOf(spec: Dict | undefined): Set<Direction> {
    const declared = asStrings(spec?.policyTypes).filter((t): t is Direction => t === "Ingress" || t === "Egress");
    if (declared.length > 0) return new Set(declared);
    const types = new Set<Direction>(["Ingress"]);
    if (asArray(spec?.egress).length > 0) types.add("Egress");
    return types;
}

/** A NetworkPolicy of the stack; its spec is read when a verdict needs it. */
export interface NetworkPolicyModel {
    resource: PolicyResource;
    name: string;
    /** Where it applies; undefined when its namespace is unknown in this preview and cannot be linked. */
    namespace?: NamespaceLink;
    /** What leaves the namespace open, when `namespace` is undefined. */
    namespaceUnknown?: SiblingUnknown;
}

function networkPolicyModel(resource: PolicyResource, namespaces: Namespaces): NetworkPolicyModel {
    const name = knownName(resource) ?? resource.name;
    try {
        return { resource, name, namespace: namespaces.of(resource) };
    } catch (e) {
        if (!(e instanceof SiblingUnknown)) throw e;
        return { resource, name, namespaceUnknown: e };
    }
}

/** The NetworkPolicies of a stack, by namespace, and those whose namespace is not known yet. */
export class NetworkPolicies {
    readonly namespaces: Namespaces;
    private readonly byKey = new Map<string, NetworkPolicyModel[]>();
    /** Policies whose namespace is unknown in this preview: they may apply to any namespace. */
    readonly floating: NetworkPolicyModel[] = [];

    constructor(resources: readonly PolicyResource[]) {
        this.namespaces = new Namespaces(resources);
        for (const resource of resources) {
            if (!kubernetes.networkPolicy.has(resource.type)) continue;
            const model = networkPolicyModel(resource, this.namespaces);
            if (!model.namespace) this.floating.push(model);
            else this.byKey.set(model.namespace.key, [...(this.byKey.get(model.namespace.key) ?? []), model]);
        }
    }

    /** The policies known to be in the namespace. */
    in(link: NamespaceLink): NetworkPolicyModel[] {
        return this.byKey.get(link.key) ?? [];
    }
}

/** True when the policy applies to the direction and its podSelector selects the labels; throws SiblingUnknown. */
export function selects(policy: NetworkPolicyModel, labels: Record<string, string>, direction: Direction): boolean {
    return readSibling(policy.resource, () => {
        const spec = asDict(asDict(policy.resource.props)?.spec);
        return policyTypesOf(spec).has(direction) && labelSelectorMatches(spec?.podSelector, labels);
    });
}

/** The rules of one direction of a policy (ingress or egress), each an object; throws SiblingUnknown for an unknown list. */
export function rulesOf(policy: NetworkPolicyModel, direction: Direction): { rule: Dict; index: number }[] {
    const key = direction === "Ingress" ? "ingress" : "egress";
    return readSibling(policy.resource, () => {
        const list = asArray(asDict(asDict(policy.resource.props)?.spec)?.[key]);
        const rules: { rule: Dict; index: number }[] = [];
        for (let index = 0; index < list.length; index++) {
            const entry = list[index];
            if (isDict(entry)) rules.push({ rule: entry, index });
        }
        return rules;
    });
}

/** The pods of one workload, as segmentation sees them. Reading throws the SDK's error for unknown fields. */
export interface WorkloadPods {
    kind: string;
    namespace: NamespaceLink;
    labels: Record<string, string>;
}

/**
 * The namespace and pod labels of a workload, or undefined when it has no pod spec or runs with
 * hostNetwork (which NetworkPolicies do not cover). Unknown fields throw the SDK's error, for `ctx.judge`.
 */
export function workloadPods(resource: PolicyResource, namespaces: Namespaces): WorkloadPods | undefined {
    const pod = podSpecOf(resource.type, resource.props);
    if (!pod || asBool(pod.spec.hostNetwork) === true) return undefined;
    return { kind: pod.kind, namespace: namespaces.of(resource), labels: labelsOf(pod.podMetadata?.labels) };
}

/** True when a workload's pods run with hostNetwork; throws the SDK's error when that is unknown. */
export function runsWithHostNetwork(resource: PolicyResource): boolean {
    const pod = podSpecOf(resource.type, resource.props);
    return pod !== undefined && asBool(pod.spec.hostNetwork) === true;
}

/**
 * The policies of the workload's namespace that select its pods for a direction, and the first sibling
 * field that leaves the answer open (a policy of the namespace, or one whose namespace is unknown).
 */
export function selectingPolicies(
    pods: WorkloadPods,
    policies: NetworkPolicies,
    direction: Direction,
): { selecting: NetworkPolicyModel[]; open?: SiblingUnknown } {
    const selecting: NetworkPolicyModel[] = [];
    let open: SiblingUnknown | undefined;
    for (const policy of policies.in(pods.namespace)) {
        try {
            if (selects(policy, pods.labels, direction)) selecting.push(policy);
        } catch (e) {
            if (!(e instanceof SiblingUnknown)) throw e;
            open ??= e;
        }
    }
    const floating = policies.floating[0];
    if (!open && floating) open = floating.namespaceUnknown;
    // A Namespace whose name is not known yet, with policies of its own, may be this very namespace.
    const unnamed = policies.namespaces.couldBe(pods.namespace).find((ns) => policies.in({ key: policies.namespaces.keyOfNamespace(ns), via: "value" }).length > 0);
    if (!open && unnamed) open = new SiblingUnknown(unnamed, "metadata.name");
    return { selecting, ...(open ? { open } : {}) };
}

/**
 * True when some element of a list satisfies `test`. In a preview an element may be unknown (or hold
 * unknowns): a known element that satisfies it decides; otherwise an unknown one leaves the answer open,
 * and the SDK's unknown-value error for it is thrown.
 */
function someElement(list: unknown, test: (entry: unknown, index: number) => boolean): boolean {
    const entries = asArray(list);
    let open: unknown;
    for (let i = 0; i < entries.length; i++) {
        try {
            if (test(entries[i], i)) return true;
        } catch (e) {
            if (!(e instanceof UnknownValueError)) throw e;
            open ??= e;
        }
    }
    if (open) throw open;
    return false;
}

/**
 * Judges the parts of a verdict that NetworkPolicies decide (each selecting policy, each rule), each on
 * its own: `judge` reports what one part shows and returns true when it reported. A part whose
 * NetworkPolicy field is unknown in this preview leaves the verdict open: when nothing known was
 * reported, the first such field (or `open`) is thrown, deferring the verdict and naming it.
 */
export function judgeParts<T>(parts: Iterable<T>, open: SiblingUnknown | undefined, judge: (part: T) => boolean): boolean {
    let pending = open;
    let reported = false;
    for (const part of parts) {
        try {
            if (judge(part)) reported = true;
        } catch (e) {
            if (!(e instanceof SiblingUnknown)) throw e;
            pending ??= e;
        }
    }
    if (!reported && pending) throw pending;
    return reported;
}

/** A rule with no peers and no ports admits all traffic from (or to) anywhere. */
export function ruleAllowsEverything(rule: Dict, peersKey: "from" | "to"): boolean {
    return asArray(rule[peersKey]).length === 0 && asArray(rule.ports).length === 0;
}

/** An ipBlock open to every address (0.0.0.0/0 or ::/0) with no exceptions. */
function openBlock(peer: unknown): boolean {
    const block = asDict(asDict(peer)?.ipBlock);
    const cidr = parseCidr(block?.cidr);
    return cidr !== undefined && cidr.prefix === 0 && asArray(block?.except).length === 0;
}

/** An ipBlock peer open to every address (0.0.0.0/0 or ::/0) with no exceptions, and no port limit. */
export function ruleAllowsAnyAddress(rule: Dict, peersKey: "from" | "to"): boolean {
    if (asArray(rule.ports).length > 0) return false;
    return someElement(rule[peersKey], openBlock);
}

/** True when a rule's ports could admit the TCP port (named ports cannot be judged, so they count). */
function portsAdmit(rule: Dict, port: number): boolean {
    const ports = asArray(rule.ports);
    if (ports.length === 0) return true;
    return someElement(ports, (entry) => {
        const p = asDict(entry);
        if (!p) return false;
        const protocol = asString(p.protocol) ?? "TCP";
        if (protocol !== "TCP") return false;
        if (p.port === undefined || p.port === null) return true;
        const number = asNumber(p.port);
        if (number === undefined) return true; // a named port: may be anything
        const end = asNumber(p.endPort);
        return end !== undefined ? number <= port && port <= end : number === port;
    });
}

/** The port metadata services listen on (AWS IMDS, Azure IMDS, GCE metadata server). */
export const metadataPort = 80;

/**
 * Describes how an egress rule allows the address (e.g. `to[0].ipBlock 0.0.0.0/0`), or undefined when it
 * does not: peers absent means every destination; an ipBlock allows it unless an `except` entry covers it.
 */
export function egressRuleAllows(rule: Dict, address: string): string | undefined {
    if (!portsAdmit(rule, metadataPort)) return undefined;
    const peers = asArray(rule.to);
    if (peers.length === 0) return "has no `to`, so it allows every destination";
    let how: string | undefined;
    someElement(
        peers,
        (peer, i) => {
            const block = asDict(asDict(peer)?.ipBlock);
            const cidr = parseCidr(block?.cidr);
            if (!cidr || !cidrContainsAddress(cidr, address)) return false;
            if (someElement(block?.except, (e) => {
                const ex = parseCidr(e);
                return ex !== undefined && cidrContainsAddress(ex, address);
            })) return false;
            how = `to[${i}].ipBlock ${cidr.text} contains ${address} and no \`except\` entry excludes it`;
            return true;
        },
    );
    return how;
}

/** `"shop/deny"` for messages; the namespace is left out while unknown. */
export function policyLabel(namespace: NamespaceLink, policy: NetworkPolicyModel): string {
    return JSON.stringify(namespace.name !== undefined ? `${namespace.name}/${policy.name}` : policy.name);
}

/** `{app: "web"}` for messages. */
export function showLabels(labels: Record<string, string>): string {
    const entries = Object.entries(labels);
    return entries.length === 0 ? "no labels" : `labels ${entries.map(([k, v]) => `${k}=${v}`).join(",")}`;
}
