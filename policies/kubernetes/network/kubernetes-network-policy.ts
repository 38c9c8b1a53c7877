// Kubernetes NetworkPolicy (networking.k8s.io/v1) as traffic layers: a union of Allow rules in the default
// tier; the selected pods are isolated for each of the policy's policyTypes.
import type { PolicyResource } from "@pulumi/policy";
import { cidrContainsAddress, parseCidr } from "../../core/cidr";
import { labelSelectorMatches } from "../../core/kubernetes-objects";
import { kubernetes } from "../../core/types";
import { UnknownValueError } from "../../core/unknowns";
import { asArray, asDict, asNumber, asString, asStrings, type Dict, isDict } from "../../core/values";
import { type Direction, type EngineContext, hostCidrs, type IgnoredPolicy, metadataPort, type PolicyLayer, policyObject } from "./traffic";

/** Effective policyTypes, as the API server defaults them: Ingress, plus Egress when egress rules exist. */
export function policyTypesOf(spec: Dict | undefined): Set<Direction> {
    const declared = asStrings(spec?.policyTypes).filter((t): t is Direction => t === "Ingress" || t === "Egress");
    if (declared.length > 0) return new Set(declared);
    const types = new Set<Direction>(["Ingress"]);
    if (asArray(spec?.egress).length > 0) types.add("Egress");
    return types;
}

/** A rule with no peers and no ports admits all traffic from (or to) anywhere. */
export function ruleAllowsEverything(rule: Dict, peersKey: "from" | "to"): boolean {
    return asArray(rule[peersKey]).length === 0 && asArray(rule.ports).length === 0;
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

/**
 * Describes how an egress rule allows the address (e.g. `to[0].ipBlock 0.0.0.0/0`), or undefined when it
 * does not: peers absent means every destination; an ipBlock allows it unless an `except` entry covers it.
 */
export function egressRuleAllows(rule: Dict, address: string): string | undefined {
    if (!portsAdmit(rule, metadataPort)) return undefined;
    const peers = asArray(rule.to);
    if (peers.length === 0) return "has no `to`, so it allows every destination";
    let how: string | undefined;
    someElement(peers, (peer, i) => {
        const block = asDict(asDict(peer)?.ipBlock);
        const cidr = parseCidr(block?.cidr);
        if (!cidr || !cidrContainsAddress(cidr, address)) return false;
        const excepted = someElement(block?.except, (e) => {
            const ex = parseCidr(e);
            return ex !== undefined && cidrContainsAddress(ex, address);
        });
        if (excepted) return false;
        how = `to[${i}].ipBlock ${cidr.text} contains ${address} and no \`except\` entry excludes it`;
        return true;
    });
    return how;
}

const exceptFix = (addresses: readonly string[]) =>
    `list ${hostCidrs(addresses)} under ${addresses.length > 1 ? "the `except` of the ipBlocks that contain them" : "the ipBlock's `except`"}, or narrow the rule's destinations`;

export function networkPolicyLayers(resource: PolicyResource, context: EngineContext): PolicyLayer[] | IgnoredPolicy | undefined {
    const policy = policyObject(resource, context, [kubernetes.networkPolicy, "NetworkPolicy"], undefined);
    if (!policy) return undefined;
    const { props, name, label } = policy;
    const namespace = policy.namespace!;
    const spec = asDict(props?.spec);
    const podSelector = spec?.podSelector;
    if (podSelector !== undefined && podSelector !== null && !isDict(podSelector)) {
        return policy.ignored("spec.podSelector", "a label selector object", podSelector);
    }
    const isolates = policyTypesOf(spec);
    // Rules count only in the directions the policy governs.
    const ingress = isolates.has("Ingress") ? asArray(spec?.ingress) : [];
    const egress = isolates.has("Egress") ? asArray(spec?.egress) : [];
    return [
        {
            resource,
            label,
            stage: "default",
            order: 1000,
            name,
            selects: (pod) => pod.namespace.key === namespace.key && labelSelectorMatches(podSelector, pod.labels),
            isolates,
            rules: {
                Ingress: ingress.flatMap((rule, i) =>
                    isDict(rule)
                        ? [{
                              action: "Allow" as const,
                              path: `spec.ingress[${i}]`,
                              reaches: () => undefined,
                              fix: () => "remove the empty ingress rule and allow only the sources the workload needs",
                              ...(ruleAllowsEverything(rule, "from") ? { admitsEverything: "allows all traffic from anywhere" } : {}),
                          }]
                        : [],
                ),
                Egress: egress.flatMap((rule, i) =>
                    isDict(rule) ? [{ action: "Allow" as const, path: `spec.egress[${i}]`, reaches: (address: string) => egressRuleAllows(rule, address), fix: exceptFix }] : [],
                ),
            },
        },
    ];
}
