// AdminNetworkPolicy and BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1) as traffic layers.
// AdminNetworkPolicies are evaluated before any NetworkPolicy, by `priority` (lower first): the first rule
// that matches decides, and `Pass` hands the connection to the NetworkPolicies. The baseline policy applies
// only to pods no NetworkPolicy isolates. Egress rules can name `networks` (CIDRs), so a Deny rule can block
// the metadata address. Ingress peers are namespaces and pods only, so neither kind can deny traffic from
// outside the cluster: they never count as default-deny ingress.
// https://network-policy-api.sigs.k8s.io/reference/spec/
import type { PolicyResource } from "@pulumi/policy";
import { labelSelectorMatches } from "../../core/kubernetes-objects";
import { kubernetes } from "../../core/types";
import { asArray, asDict, asNumber, asString, type Dict, isDict } from "../../core/values";
import { cidrReaches, type EngineContext, type IgnoredPolicy, type PodIdentity, policyObject, type PolicyLayer, type PortSpec, portSpecOf, portsAdmitMetadata, type TrafficRule } from "./traffic";

/** `ports: [{portNumber: {protocol, port}}, {portRange: {protocol, start, end}}, {namedPort}]`; absent: every port. */
function portsOf(rule: Dict): PortSpec[] | undefined {
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

function egressReaches(rule: Dict, address: string): string | undefined {
    if (!portsAdmitMetadata(portsOf(rule))) return undefined;
    const peers = asArray(rule.to);
    for (let i = 0; i < peers.length; i++) {
        const networks = asArray(asDict(peers[i])?.networks);
        for (let j = 0; j < networks.length; j++) {
            const how = cidrReaches(`to[${i}].networks[${j}]`, networks[j], [], address);
            if (how) return how;
        }
    }
    return undefined;
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

const fixFor = (addresses: readonly string[]) => `set the rule's action to Deny, or take ${addresses.join(", ")} out of its \`networks\``;

export function adminNetworkPolicyLayers(resource: PolicyResource, context: EngineContext): PolicyLayer[] | IgnoredPolicy | undefined {
    const policy = policyObject(resource, context, undefined, [kubernetes.adminNetworkPolicy, "AdminNetworkPolicy"]) ?? policyObject(resource, context, undefined, [kubernetes.baselineAdminNetworkPolicy, "BaselineAdminNetworkPolicy"]);
    if (!policy) return undefined;
    const { props, name, label, ignored } = policy;
    const baseline = kubernetes.baselineAdminNetworkPolicy.has(resource.type);
    const spec = asDict(props?.spec);
    if (!spec) return ignored("spec", "an object", props?.spec);
    const subject = asDict(spec.subject);
    const selects = subject ? subjectMatcher(subject) : undefined;
    if (!selects) return ignored("spec.subject", "an object with `namespaces` or `pods` selectors", spec.subject);
    const priority = asNumber(spec.priority);
    if (!baseline && priority === undefined) return ignored("spec.priority", "a number", spec.priority);
    if (spec.egress !== undefined && spec.egress !== null && !Array.isArray(spec.egress)) return ignored("spec.egress", "an array of rules", spec.egress);
    const egress: TrafficRule[] = asArray(spec.egress).flatMap((entry, i) => {
        const action = asString(asDict(entry)?.action);
        if (!isDict(entry) || (action !== "Allow" && action !== "Deny" && action !== "Pass")) return [];
        return [{ action, path: `spec.egress[${i}]`, reaches: (address: string) => egressReaches(entry, address), fix: fixFor }];
    });
    return [{
        resource,
        label,
        stage: baseline ? "baseline" : "admin",
        order: priority ?? 0,
        name,
        selects,
        isolates: new Set(),
        rules: { Ingress: [], Egress: egress },
    }];
}
