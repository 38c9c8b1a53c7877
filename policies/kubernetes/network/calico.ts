// Calico's NetworkPolicy and GlobalNetworkPolicy (projectcalico.org/v3) as traffic layers. A policy applies
// to the endpoints its `selector` matches (absent: all()), in its namespace or, for a global policy, in the
// namespaces its `namespaceSelector` matches. Policies are evaluated by tier, then `order` (absent: last);
// the first rule that matches decides (Allow, Deny, or Pass to the next tier), and an endpoint that policies
// of a tier apply to is denied what no rule matched. Kubernetes NetworkPolicies sit in the default tier at
// order 1000. Tiers other than default are taken to come before it, by name.
// https://docs.tigera.io/calico/latest/reference/resources/networkpolicy
import type { PolicyResource } from "@pulumi/policy";
import { parseCidr, cidrContainsAddress } from "../../core/cidr";
import { kubernetes } from "../../core/types";
import { asArray, asDict, asNumber, asString, type Dict, isDict, show } from "../../core/values";
import { type LabelPredicate, parseCalicoSelector } from "./calico-selector";
import { type Action, cidrReaches, type Direction, type EngineContext, hostCidrs, type IgnoredPolicy, lazyLabels, type PodIdentity, type PolicyLayer, portSpecOf, policyObject, portsAdmitMetadata, type TrafficRule } from "./traffic";

/** The labels Calico gives a pod's workload endpoint. */
function endpointLabels(pod: PodIdentity): Record<string, string> {
    return lazyLabels(pod.labels, { "projectcalico.org/namespace": () => pod.namespaceName, "projectcalico.org/orchestrator": "k8s", "projectcalico.org/serviceaccount": () => pod.serviceAccount });
}

/** The labels a global policy's namespaceSelector matches: the namespace's, and its name. */
function namespaceLabels(pod: PodIdentity): Record<string, string> {
    return lazyLabels(pod.namespaceLabels, { "projectcalico.org/name": () => pod.namespaceName });
}

/**
 * `types`, or Calico's default: Egress when only egress rules exist, both when both do, else Ingress
 * (libcalico-go clientv3 `defaultPolicyTypesField`, which the Calico API server applies too).
 */
function typesOf(spec: Dict): Set<Direction> {
    const declared = asArray(spec.types).filter((t): t is Direction => t === "Ingress" || t === "Egress");
    if (declared.length > 0) return new Set(declared);
    const ingress = asArray(spec.ingress).length > 0;
    const egress = asArray(spec.egress).length > 0;
    return new Set<Direction>(egress && !ingress ? ["Egress"] : egress ? ["Ingress", "Egress"] : ["Ingress"]);
}

const endpointCriteria = ["selector", "notSelector", "namespaceSelector", "serviceAccounts", "services", "domains"];
const isSet = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && v !== "";

function protocolIsTcp(protocol: unknown): boolean {
    return protocol === undefined || protocol === null || asString(protocol)?.toUpperCase() === "TCP" || asNumber(protocol) === 6;
}

/**
 * How a rule matches the pod's TCP traffic to the address on the metadata port. What cannot be judged
 * before deploy (the pod's own address, L7 matches) counts as matching for an Allow rule and as not
 * matching for Deny and Pass, so an uncertain rule never hides an open path.
 */
function egressRuleReaches(rule: Dict, action: Action, address: string, pod: PodIdentity): string | undefined {
    const uncertain = action === "Allow";
    if (!protocolIsTcp(rule.protocol)) return undefined;
    if (rule.notProtocol !== undefined && protocolIsTcp(rule.notProtocol)) return undefined;
    const ipVersion = asNumber(rule.ipVersion);
    if (ipVersion !== undefined && ipVersion !== (address.includes(":") ? 6 : 4)) return undefined;
    if (rule.http !== undefined && !uncertain) return undefined;
    const source = asDict(rule.source) ?? {};
    // A selector that is not a valid selector string matches nothing, and its negation excludes everything.
    const selector = (key: string) => {
        const text = asString(source[key]);
        return text === undefined ? undefined : parseCalicoSelector(text);
    };
    if (isSet(source.selector) && !selector("selector")?.(pod.viewedAs(endpointLabels))) return undefined;
    if (isSet(source.notSelector) && selector("notSelector")?.(pod.viewedAs(endpointLabels)) !== false) return undefined;
    if ((isSet(source.nets) || isSet(source.notNets) || isSet(source.ports) || isSet(source.notPorts) || isSet(source.namespaceSelector) || isSet(source.serviceAccounts)) && !uncertain) return undefined;
    const destination = asDict(rule.destination) ?? {};
    if (endpointCriteria.some((k) => isSet(destination[k]))) return undefined; // the metadata server is not an endpoint
    const ports = asArray(destination.ports).map((p) => portSpecOf(p));
    if (!portsAdmitMetadata(ports)) return undefined;
    const notPorts = asArray(destination.notPorts).map((p) => portSpecOf(p));
    if (notPorts.length > 0 && portsAdmitMetadata(notPorts)) return undefined;
    const notNets = asArray(destination.notNets).some((n) => {
        const cidr = parseCidr(n);
        return cidr !== undefined && cidrContainsAddress(cidr, address);
    });
    if (notNets) return undefined;
    const nets = asArray(destination.nets);
    if (nets.length === 0) return `${action === "Allow" ? "allows" : action === "Deny" ? "denies" : "passes"} every destination`;
    for (let i = 0; i < nets.length; i++) {
        const how = cidrReaches(`destination.nets[${i}]`, nets[i], [], address);
        if (how) return how;
    }
    return undefined;
}

/** An Allow or Pass rule with nothing but an action (and metadata) matches all traffic. */
function matchesEverything(rule: Dict): boolean {
    return Object.keys(rule).every((k) => k === "action" || k === "metadata");
}

const allowFix = (addresses: readonly string[]) => `add a rule before it with \`action: Deny\` and \`destination: { nets: [${hostCidrs(addresses)}] }\`, or narrow its \`destination.nets\``;

export function calicoLayers(resource: PolicyResource, context: EngineContext): PolicyLayer[] | IgnoredPolicy | undefined {
    const policy = policyObject(resource, context, [kubernetes.calicoNetworkPolicy, "Calico NetworkPolicy"], [kubernetes.calicoGlobalNetworkPolicy, "GlobalNetworkPolicy"]);
    if (!policy) return undefined;
    const { props, namespace, name, label, ignored } = policy;
    const global = namespace === undefined;
    const spec = asDict(props?.spec) ?? {};
    if (asDict(props?.spec) === undefined && props?.spec !== undefined) return ignored("spec", "an object", props.spec);
    // Policies that apply to host endpoints before or without connection tracking do not govern pods.
    if (spec.preDNAT === true || spec.doNotTrack === true) return [];
    const parse = (key: string): LabelPredicate | IgnoredPolicy => {
        const value = spec[key];
        if (value === undefined || value === null) return () => true;
        if (typeof value !== "string") return ignored(`spec.${key}`, "a selector expression string", value);
        return parseCalicoSelector(value) ?? { label, namespace, problem: `spec.${key} ${show(value)} is not a valid Calico selector` };
    };
    const selector = parse("selector");
    if (typeof selector !== "function") return selector;
    const namespaceSelector = global ? parse("namespaceSelector") : () => true;
    if (typeof namespaceSelector !== "function") return namespaceSelector;
    for (const key of ["ingress", "egress", "types"]) {
        if (spec[key] !== undefined && spec[key] !== null && !Array.isArray(spec[key])) return ignored(`spec.${key}`, "an array", spec[key]);
    }
    if (spec.order !== undefined && spec.order !== null && asNumber(spec.order) === undefined) return ignored("spec.order", "a number", spec.order);
    const tier = asString(spec.tier);
    const isolates = typesOf(spec);
    const rules = (direction: Direction): TrafficRule[] => {
        if (!isolates.has(direction)) return [];
        const key = direction === "Ingress" ? "ingress" : "egress";
        return asArray(spec[key]).flatMap((entry, i) => {
            const action = asString(asDict(entry)?.action);
            if (!isDict(entry) || (action !== "Allow" && action !== "Deny" && action !== "Pass")) return []; // Log rules decide nothing
            return [{
                action,
                path: `spec.${key}[${i}]`,
                reaches: (address: string, pod: PodIdentity) => (direction === "Egress" ? egressRuleReaches(entry, action, address, pod) : undefined),
                fix: allowFix,
                ...(direction === "Ingress" && action === "Allow" && matchesEverything(entry) ? { admitsEverything: "has `action: Allow` and no match criteria, so it allows all traffic from anywhere" } : {}),
            }];
        });
    };
    const ingress = rules("Ingress");
    // A policy that passes all ingress to the next tier does not deny anything by default.
    if (asArray(spec.ingress).some((e) => isDict(e) && e.action === "Pass" && matchesEverything(e))) isolates.delete("Ingress");
    return [{
        resource,
        label,
        stage: tier === undefined || tier === "default" ? "default" : "tier",
        ...(tier && tier !== "default" ? { tier } : {}),
        order: asNumber(spec.order) ?? Number.POSITIVE_INFINITY,
        name,
        selects: (pod) => (namespace === undefined ? namespaceSelector(pod.viewedAs(namespaceLabels)) : pod.namespace.key === namespace.key) && selector(pod.viewedAs(endpointLabels)),
        isolates,
        rules: { Ingress: ingress, Egress: rules("Egress") },
    }];
}
