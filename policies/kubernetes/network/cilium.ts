// Cilium's CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy (cilium.io/v2) as traffic layers.
// A rule selects endpoints with `endpointSelector` ({} selects every endpoint of the policy's namespace, or
// of the cluster for a clusterwide policy). A rule with ingress or ingressDeny rules puts the endpoints in
// default deny for ingress, likewise for egress, unless `enableDefaultDeny` says otherwise. Allow rules of
// every policy (and of Kubernetes NetworkPolicies) add up; deny rules win over every allow.
// https://docs.cilium.io/en/stable/security/policy/language/
import type { PolicyResource } from "@pulumi/policy";
import { labelSelectorMatches } from "../../core/kubernetes-objects";
import { kubernetes } from "../../core/types";
import { asArray, asBool, asDict, asString, asStrings, type Dict, isDict, wrongType } from "../../core/values";
import type { NamespaceLink } from "../links";
import {
    cidrReaches,
    type Direction,
    type EngineContext,
    hostCidrs,
    type IgnoredPolicy,
    inNamespace,
    lazyLabels,
    metadataName,
    metadataNameAddress,
    type PodIdentity,
    type PolicyLayer,
    portSpecOf,
    portsAdmitMetadata,
    type PortSpec,
    policyObject,
    type TrafficRule,
} from "./traffic";

/** The labels Cilium gives a pod's endpoint, without the `k8s:` source prefix. */
function endpointLabels(pod: PodIdentity): Record<string, string> {
    const namespaceLabels = pod.namespaceLabels;
    const prefixed = Object.fromEntries(Object.keys(namespaceLabels).map((key) => [`io.cilium.k8s.namespace.labels.${key}`, () => namespaceLabels[key]]));
    return lazyLabels(pod.labels, { "io.kubernetes.pod.namespace": () => pod.namespaceName, "io.cilium.k8s.policy.serviceaccount": () => pod.serviceAccount }, prefixed);
}

/** Selector keys may carry a source prefix (`k8s:app`, `any:app`); pod labels come from the k8s source. */
function withoutSource(key: string): string {
    return key.replace(/^(k8s|any):/, "");
}

function normalizedSelector(selector: Dict): Dict {
    const matchLabels = asDict(selector.matchLabels);
    return {
        ...selector,
        ...(matchLabels ? { matchLabels: Object.fromEntries(Object.entries(matchLabels).map(([k, v]) => [withoutSource(k), v])) } : {}),
        ...(Array.isArray(selector.matchExpressions)
            ? { matchExpressions: selector.matchExpressions.map((e) => (isDict(e) && typeof e.key === "string" ? { ...e, key: withoutSource(e.key) } : e)) }
            : {}),
    };
}

/** `toPorts: [{ports: [{port: "80", protocol: "TCP"}]}]`; absent means every port. */
function portsOf(rule: Dict): PortSpec[] | undefined {
    const toPorts = asArray(rule.toPorts).filter(isDict);
    if (toPorts.length === 0) return undefined;
    const specs: PortSpec[] = [];
    for (const entry of toPorts) {
        const ports = asArray(entry.ports).filter(isDict);
        if (ports.length === 0) return undefined; // a port rule without ports (L7 only) covers every port
        for (const p of ports) specs.push(portSpecOf(p.port, asString(p.protocol), p.endPort));
    }
    return specs;
}

const worldEntities = (address: string) => ["all", "world", address.includes(":") ? "world-ipv6" : "world-ipv4"];
const l3Keys = ["toEndpoints", "toEntities", "toCIDR", "toCIDRSet", "toFQDNs", "toServices", "toGroups", "toNodes", "toRequires"];

/** A DNS pattern (`*` for any run of characters) matching the name. */
function fqdnMatches(selector: Dict, name: string): boolean {
    const matchName = asString(selector.matchName);
    if (matchName !== undefined) return matchName.toLowerCase().replace(/\.$/, "") === name;
    const pattern = asString(selector.matchPattern);
    if (pattern === undefined) return false;
    const regex = new RegExp(`^${pattern.toLowerCase().replace(/\.$/, "").split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[-a-z0-9_.]*")}$`);
    return regex.test(name);
}

/** How an egress (or egressDeny) rule admits TCP to the address on the metadata port. */
export function ciliumEgressReaches(rule: Dict, address: string): string | undefined {
    const ports = portsOf(rule);
    if (!portsAdmitMetadata(ports)) return undefined;
    if (!l3Keys.some((k) => rule[k] !== undefined && rule[k] !== null)) {
        return ports ? "names only `toPorts`, so it allows every destination on those ports" : undefined;
    }
    const entity = asStrings(rule.toEntities).find((e) => worldEntities(address).includes(e));
    if (entity) return `toEntities "${entity}" includes ${address}`;
    const cidrs = asArray(rule.toCIDR);
    for (let i = 0; i < cidrs.length; i++) {
        const how = cidrReaches(`toCIDR[${i}]`, cidrs[i], [], address);
        if (how) return how;
    }
    const sets = asArray(rule.toCIDRSet);
    for (let i = 0; i < sets.length; i++) {
        const set = asDict(sets[i]);
        const how = cidrReaches(`toCIDRSet[${i}]`, set?.cidr, asArray(set?.except), address);
        if (how) return how;
    }
    if (address === metadataNameAddress) {
        const fqdns = asArray(rule.toFQDNs);
        for (let i = 0; i < fqdns.length; i++) {
            const selector = asDict(fqdns[i]);
            if (selector && fqdnMatches(selector, metadataName)) return `toFQDNs[${i}] matches ${metadataName}, which resolves to ${address}`;
        }
    }
    return undefined;
}

const allowFix = (addresses: readonly string[]) =>
    `list ${hostCidrs(addresses)} under the toCIDRSet's \`except\` (or add an egressDeny rule for ${addresses.length > 1 ? "them" : "it"}), or narrow the rule's destinations`;

function ciliumRules(rules: unknown[], base: string, action: "Allow" | "Deny", direction: Direction): TrafficRule[] {
    return rules.flatMap((entry, i) => {
        if (!isDict(entry)) return [];
        const path = `${base}[${i}]`;
        if (direction === "Ingress") {
            const everything = action === "Allow" && asStrings(entry.fromEntities).includes("all") && portsOf(entry) === undefined;
            return [{ action, path, reaches: () => undefined, fix: () => "replace `fromEntities: [all]` with the sources the workload needs", ...(everything ? { admitsEverything: 'has `fromEntities: ["all"]` and no `toPorts`, so it allows all traffic from anywhere' } : {}) }];
        }
        return [{ action, path, reaches: (address: string) => ciliumEgressReaches(entry, address), fix: allowFix }];
    });
}

const ruleLists = ["ingress", "ingressDeny", "egress", "egressDeny"] as const;

/** The layers of one Cilium rule, or the reason it is ignored. */
function ruleLayers(resource: PolicyResource, rule: Dict, base: string, namespace: NamespaceLink | undefined, name: string, label: string): PolicyLayer[] | IgnoredPolicy {
    const ignored = (path: string, expected: string, value: unknown): IgnoredPolicy => ({ label, namespace, problem: `${base}.${path} ${wrongType(expected, value)}` });
    const selector = rule.endpointSelector;
    if (selector === undefined || selector === null) return []; // a host policy (nodeSelector) selects nodes, not pods
    if (!isDict(selector)) return ignored("endpointSelector", "a label selector object", selector);
    for (const key of ruleLists) {
        if (rule[key] !== undefined && rule[key] !== null && !Array.isArray(rule[key])) return ignored(key, "an array of rules", rule[key]);
    }
    const defaultDeny = rule.enableDefaultDeny;
    if (defaultDeny !== undefined && defaultDeny !== null && !isDict(defaultDeny)) return ignored("enableDefaultDeny", "an object with ingress and egress booleans", defaultDeny);
    const isolates = new Set<Direction>();
    for (const [direction, key] of [["Ingress", "ingress"], ["Egress", "egress"]] as const) {
        const explicit = asDict(defaultDeny)?.[key];
        if (explicit !== undefined && explicit !== null && asBool(explicit) === undefined) return ignored(`enableDefaultDeny.${key}`, "a boolean", explicit);
        const hasRules = asArray(rule[key]).length > 0 || asArray(rule[`${key}Deny`]).length > 0;
        if (asBool(explicit) ?? hasRules) isolates.add(direction);
    }
    const matcher = normalizedSelector(selector);
    const selects = (pod: PodIdentity) => inNamespace(namespace, pod) && labelSelectorMatches(matcher, pod.viewedAs(endpointLabels));
    const common = { resource, label, order: 1000, name, selects };
    return [
        {
            ...common,
            stage: "default",
            isolates,
            rules: { Ingress: ciliumRules(asArray(rule.ingress), `${base}.ingress`, "Allow", "Ingress"), Egress: ciliumRules(asArray(rule.egress), `${base}.egress`, "Allow", "Egress") },
        },
        {
            ...common,
            stage: "deny",
            isolates: new Set(),
            rules: { Ingress: [], Egress: ciliumRules(asArray(rule.egressDeny), `${base}.egressDeny`, "Deny", "Egress") },
        },
    ];
}

export function ciliumLayers(resource: PolicyResource, context: EngineContext): PolicyLayer[] | IgnoredPolicy | undefined {
    const policy = policyObject(resource, context, [kubernetes.ciliumNetworkPolicy, "CiliumNetworkPolicy"], [kubernetes.ciliumClusterwideNetworkPolicy, "CiliumClusterwideNetworkPolicy"]);
    if (!policy) return undefined;
    const { props, namespace, name, label } = policy;
    const rules: [Dict, string][] = [];
    if (props?.spec !== undefined && props.spec !== null) {
        if (!isDict(props.spec)) return policy.ignored("spec", "a rule object", props.spec);
        rules.push([props.spec, "spec"]);
    }
    if (props?.specs !== undefined && props.specs !== null) {
        if (!Array.isArray(props.specs)) return policy.ignored("specs", "an array of rules", props.specs);
        props.specs.forEach((r, i) => isDict(r) && rules.push([r, `specs[${i}]`]));
    }
    const layers: PolicyLayer[] = [];
    for (const [rule, base] of rules) {
        const result = ruleLayers(resource, rule, base, namespace, name, label);
        if (!Array.isArray(result)) return result;
        layers.push(...result);
    }
    return layers;
}
