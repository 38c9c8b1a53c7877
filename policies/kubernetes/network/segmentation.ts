// Shared model for the network-segmentation policies: namespaces, label selectors, NetworkPolicies and
// the pods each one selects, judged the way the Kubernetes API and CNI plugins read them.
import type { PolicyResource } from "@pulumi/policy";
import { cidrContainsAddress, parseCidr } from "../../core/cidr";
import { labelSelectorMatches, labelsOf, namespaceOf } from "../../core/kubernetes-objects";
import { kubernetes } from "../../core/types";
import { asArray, asBool, asDict, asNumber, asString, asStrings, type Dict, isDict } from "../../core/values";
import { podSpecOf } from "../../core/workloads";

/** The name of a Namespace object. */
export function namespaceObjectName(props: unknown): string | undefined {
    return asString(asDict(asDict(props)?.metadata)?.name);
}

export type Direction = "Ingress" | "Egress";

export interface NetworkPolicyModel {
    resource: PolicyResource;
    namespace: string;
    name: string;
    podSelector: unknown;
    /** policyTypes, or their API default: Ingress, plus Egress when egress rules exist. */
    policyTypes: Set<Direction>;
    ingress: Dict[];
    egress: Dict[];
}

/** Effective policyTypes, as the API server defaults them. */
export function policyTypesOf(spec: Dict | undefined): Set<Direction> {
    const declared = asStrings(spec?.policyTypes).filter((t): t is Direction => t === "Ingress" || t === "Egress");
    if (declared.length > 0) return new Set(declared);
    const types = new Set<Direction>(["Ingress"]);
    if (asArray(spec?.egress).length > 0) types.add("Egress");
    return types;
}

export function networkPolicyModel(resource: PolicyResource): NetworkPolicyModel {
    const spec = asDict(asDict(resource.props)?.spec);
    return {
        resource,
        namespace: namespaceOf(resource.props),
        name: asString(asDict(asDict(resource.props)?.metadata)?.name) ?? resource.name,
        podSelector: spec?.podSelector,
        policyTypes: policyTypesOf(spec),
        ingress: asArray(spec?.ingress).filter(isDict),
        egress: asArray(spec?.egress).filter(isDict),
    };
}

export interface WorkloadModel {
    resource: PolicyResource;
    kind: string;
    namespace: string;
    /** The pod template's labels. */
    labels: Record<string, string>;
    hostNetwork: boolean;
}

/** Every workload of the stack with its pods' namespace, labels and hostNetwork. */
export function workloadModels(resources: readonly PolicyResource[]): WorkloadModel[] {
    const models: WorkloadModel[] = [];
    for (const resource of resources) {
        if (!kubernetes.workloads.has(resource.type)) continue;
        const pod = podSpecOf(resource.type, resource.props);
        if (!pod) continue;
        models.push({
            resource,
            kind: pod.kind,
            namespace: namespaceOf(resource.props),
            labels: labelsOf(pod.podMetadata?.labels),
            hostNetwork: asBool(pod.spec.hostNetwork) === true,
        });
    }
    return models;
}

/** NetworkPolicies of the stack grouped by namespace. */
export function networkPoliciesByNamespace(resources: readonly PolicyResource[]): Map<string, NetworkPolicyModel[]> {
    const byNamespace = new Map<string, NetworkPolicyModel[]>();
    for (const resource of resources) {
        if (!kubernetes.networkPolicy.has(resource.type)) continue;
        const model = networkPolicyModel(resource);
        const list = byNamespace.get(model.namespace);
        if (list) list.push(model);
        else byNamespace.set(model.namespace, [model]);
    }
    return byNamespace;
}

/** The policies of the workload's namespace that select its pods for a direction. */
export function selectingPolicies(workload: WorkloadModel, policies: readonly NetworkPolicyModel[], direction: Direction): NetworkPolicyModel[] {
    return policies.filter((p) => p.namespace === workload.namespace && p.policyTypes.has(direction) && labelSelectorMatches(p.podSelector, workload.labels));
}

/** A rule with no peers and no ports admits all traffic from (or to) anywhere. */
export function ruleAllowsEverything(rule: Dict, peersKey: "from" | "to"): boolean {
    return asArray(rule[peersKey]).length === 0 && asArray(rule.ports).length === 0;
}

/** An ipBlock peer open to every address (0.0.0.0/0 or ::/0) with no exceptions, and no port limit. */
export function ruleAllowsAnyAddress(rule: Dict, peersKey: "from" | "to"): boolean {
    if (asArray(rule.ports).length > 0) return false;
    return asArray(rule[peersKey]).some((peer) => {
        const block = asDict(asDict(peer)?.ipBlock);
        const cidr = parseCidr(block?.cidr);
        return cidr !== undefined && cidr.prefix === 0 && asArray(block?.except).length === 0;
    });
}

/** True when a rule's ports could admit the TCP port (named ports cannot be judged, so they count). */
function portsAdmit(rule: Dict, port: number): boolean {
    const ports = asArray(rule.ports);
    if (ports.length === 0) return true;
    return ports.some((entry) => {
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
    for (let i = 0; i < peers.length; i++) {
        const block = asDict(asDict(peers[i])?.ipBlock);
        const cidr = parseCidr(block?.cidr);
        if (!cidr || !cidrContainsAddress(cidr, address)) continue;
        const excepted = asArray(block?.except).some((e) => {
            const ex = parseCidr(e);
            return ex !== undefined && cidrContainsAddress(ex, address);
        });
        if (!excepted) return `to[${i}].ipBlock ${cidr.text} contains ${address} and no \`except\` entry excludes it`;
    }
    return undefined;
}

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const item of items) {
        const k = key(item);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
    }
    return groups;
}

/** `{app: "web"}` for messages. */
export function showLabels(labels: Record<string, string>): string {
    const entries = Object.entries(labels);
    return entries.length === 0 ? "no labels" : `labels ${entries.map(([k, v]) => `${k}=${v}`).join(",")}`;
}
