// The network policy API of SIG Network (policy.networking.k8s.io) as traffic layers: AdminNetworkPolicy and
// BaselineAdminNetworkPolicy (v1alpha1), and ClusterNetworkPolicy (v1alpha2), which replaces both with one
// kind whose `tier` is Admin or Baseline. Admin policies are evaluated before any NetworkPolicy, by
// `priority` (lower first): the first rule that matches decides, and `Pass` hands the connection to the
// NetworkPolicies. Baseline policies decide only for pods no NetworkPolicy isolates. Egress rules can name
// `networks` (CIDRs), so a Deny rule can block the metadata address; `domainNames` (allow rules only) can
// open it by name. Ingress peers are namespaces and pods only, so no kind can deny traffic from outside the
// cluster: they never count as default-deny ingress.
// https://network-policy-api.sigs.k8s.io/reference/spec/ and, for v1alpha2, apis/v1alpha2/clusternetworkpolicy_types.go
// of kubernetes-sigs/network-policy-api.
import type { PolicyResource } from "@pulumi/policy";
import { labelSelectorMatches } from "../../core/kubernetes-objects";
import { kubernetes, type TypeSet } from "../../core/types";
import { asArray, asDict, asNumber, asString, asStrings, type Dict, isDict } from "../../core/values";
import {
    cidrReaches,
    type EngineContext,
    hostCidrs,
    type IgnoredPolicy,
    metadataName,
    metadataNameAddress,
    type PodIdentity,
    policyObject,
    type PolicyLayer,
    type PortSpec,
    portSpecOf,
    portsAdmitMetadata,
    type Stage,
    type TrafficRule,
} from "./traffic";

/** v1alpha1 `ports: [{portNumber: {protocol, port}}, {portRange: {protocol, start, end}}, {namedPort}]`; absent: every port. */
function v1alpha1Ports(rule: Dict): PortSpec[] | undefined {
    const ports = asArray(rule.ports).filter(isDict);
    if (ports.length === 0) return undefined;
    return ports.map((p) => {
        const number = asDict(p.portNumber);
        if (number) return portSpecOf(number.port, asString(number.protocol));
        const range = asDict(p.portRange);
        if (range) return { protocol: asString(range.protocol), start: asNumber(range.start), end: asNumber(range.end) };
        return { named: true };
    });
}

const v1alpha2Protocols = ["tcp", "udp", "sctp"] as const;

/** v1alpha2 `protocols: [{tcp: {destinationPort: {number} | {range: {start, end}}}}, {udp…}, {sctp…}, {destinationNamedPort}]`; absent: every port. */
function v1alpha2Ports(rule: Dict): PortSpec[] | undefined {
    const protocols = asArray(rule.protocols).filter(isDict);
    if (protocols.length === 0) return undefined;
    return protocols.map((p) => {
        const protocol = v1alpha2Protocols.find((name) => isDict(p[name]));
        if (!protocol) return { named: true }; // a named port, or a field of a newer version: may be any port
        const port = asDict(asDict(p[protocol])?.destinationPort);
        const range = asDict(port?.range);
        if (range) return { protocol: protocol.toUpperCase(), start: asNumber(range.start), end: asNumber(range.end) };
        return { protocol: protocol.toUpperCase(), start: asNumber(port?.number) };
    });
}

/** A `domainNames` entry: exact, or `*.` and a suffix, where `*` stands for one or more whole labels. */
function domainNameMatches(pattern: string, name: string): boolean {
    const p = pattern.toLowerCase().replace(/\.$/, "");
    return p.startsWith("*.") ? name.length > p.length - 1 && name.endsWith(p.slice(1)) : p === name;
}

interface MetadataDomainName {
    where: string;
    name: string;
}

/** The entry of the rule's `domainNames` that names the metadata server, if any. */
function metadataDomainName(rule: Dict): MetadataDomainName | undefined {
    const peers = asArray(rule.to);
    for (let i = 0; i < peers.length; i++) {
        const names = asStrings(asDict(peers[i])?.domainNames);
        const j = names.findIndex((n) => domainNameMatches(n, metadataName));
        if (j >= 0) return { where: `to[${i}].domainNames[${j}]`, name: names[j] };
    }
    return undefined;
}

/** How the rule admits TCP to the address on the metadata port; `byName` is its domain name for the metadata server, in an allow rule. */
function egressReaches(rule: Dict, ports: PortSpec[] | undefined, byName: MetadataDomainName | undefined, address: string): string | undefined {
    if (!portsAdmitMetadata(ports)) return undefined;
    const peers = asArray(rule.to);
    for (let i = 0; i < peers.length; i++) {
        const networks = asArray(asDict(peers[i])?.networks);
        for (let j = 0; j < networks.length; j++) {
            const how = cidrReaches(`to[${i}].networks[${j}]`, networks[j], [], address);
            if (how) return how;
        }
    }
    return byName && address === metadataNameAddress ? `${byName.where} "${byName.name}" matches ${metadataName}, which resolves to ${address}` : undefined;
}

/** `subject: {namespaces: selector}` or `subject: {pods: {namespaceSelector, podSelector}}`. */
function subjectMatcher(subject: Dict): ((pod: PodIdentity) => boolean) | undefined {
    if (isDict(subject.namespaces)) {
        const namespaces = subject.namespaces;
        return (pod) => labelSelectorMatches(namespaces, pod.namespaceLabels);
    }
    const pods = asDict(subject.pods);
    if (pods && isDict(pods.namespaceSelector) && isDict(pods.podSelector)) {
        const { namespaceSelector, podSelector } = pods;
        return (pod) => labelSelectorMatches(namespaceSelector, pod.namespaceLabels) && labelSelectorMatches(podSelector, pod.labels);
    }
    return undefined;
}

function fixFor(byName: MetadataDomainName | undefined): (addresses: readonly string[]) => string {
    return (addresses) =>
        byName
            ? `remove "${byName.name}" from its \`domainNames\`, or add a rule before it with \`action: Deny\` and \`to: [{ networks: [${hostCidrs(addresses)}] }]\``
            : `set the rule's action to Deny, or take ${addresses.join(", ")} out of its \`networks\``;
}

interface Kind {
    types: TypeSet;
    label: string;
    /** The action that allows: `Allow` in v1alpha1, `Accept` in v1alpha2. */
    allow: string;
    ports(rule: Dict): PortSpec[] | undefined;
    /** Where the policy is evaluated, or the field of `spec` that says so when it has the wrong type. */
    placement(spec: Dict): { stage: Stage; order: number } | { field: string; expected: string };
}

const priorityOf = (spec: Dict, stage: Stage) => {
    const order = asNumber(spec.priority);
    return order === undefined ? { field: "priority", expected: "a number" } : { stage, order };
};

const kinds: readonly Kind[] = [
    { types: kubernetes.adminNetworkPolicy, label: "AdminNetworkPolicy", allow: "Allow", ports: v1alpha1Ports, placement: (spec) => priorityOf(spec, "admin") },
    { types: kubernetes.baselineAdminNetworkPolicy, label: "BaselineAdminNetworkPolicy", allow: "Allow", ports: v1alpha1Ports, placement: () => ({ stage: "baseline", order: 0 }) },
    {
        types: kubernetes.clusterNetworkPolicy,
        label: "ClusterNetworkPolicy",
        allow: "Accept",
        ports: v1alpha2Ports,
        placement: (spec) =>
            spec.tier === "Admin" ? priorityOf(spec, "admin") : spec.tier === "Baseline" ? priorityOf(spec, "baseline") : { field: "tier", expected: '"Admin" or "Baseline"' },
    },
];

export function adminNetworkPolicyLayers(resource: PolicyResource, context: EngineContext): PolicyLayer[] | IgnoredPolicy | undefined {
    const kind = kinds.find((k) => k.types.has(resource.type));
    const policy = kind && policyObject(resource, context, undefined, [kind.types, kind.label]);
    if (!kind || !policy) return undefined;
    const { props, name, label, ignored } = policy;
    const spec = asDict(props?.spec);
    if (!spec) return ignored("spec", "an object", props?.spec);
    const subject = asDict(spec.subject);
    const selects = subject ? subjectMatcher(subject) : undefined;
    if (!selects) return ignored("spec.subject", "an object with `namespaces` or `pods` selectors", spec.subject);
    const placement = kind.placement(spec);
    if ("field" in placement) return ignored(`spec.${placement.field}`, placement.expected, spec[placement.field]);
    if (spec.egress !== undefined && spec.egress !== null && !Array.isArray(spec.egress)) return ignored("spec.egress", "an array of rules", spec.egress);
    const egress: TrafficRule[] = asArray(spec.egress).flatMap((entry, i) => {
        const written = asString(asDict(entry)?.action);
        const action = written === kind.allow ? "Allow" : written === "Deny" || written === "Pass" ? written : undefined;
        if (!isDict(entry) || !action) return [];
        const ports = kind.ports(entry);
        // Domain names only ever allow (the API rejects them in Deny and Pass rules).
        const byName = action === "Allow" ? metadataDomainName(entry) : undefined;
        return [{ action, path: `spec.egress[${i}]`, reaches: (address: string) => egressReaches(entry, ports, byName, address), fix: fixFor(byName) }];
    });
    return [{ resource, label, ...placement, name, selects, isolates: new Set(), rules: { Ingress: [], Egress: egress } }];
}
