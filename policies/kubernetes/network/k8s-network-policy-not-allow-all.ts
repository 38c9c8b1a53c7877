import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import { asArray, asDict, isDict, kubernetes, nsaHardening, resourcePolicy, yamlFix } from "../../core";
import { ruleAllowsAnyAddress, ruleAllowsEverything } from "./segmentation";

export const k8sNetworkPolicyNotAllowAll = resourcePolicy<Unwrap<k8s.networking.v1.NetworkPolicy>>({
    name: "k8s-network-policy-not-allow-all",
    displayName: "NetworkPolicy rules name their peers",
    description: "No NetworkPolicy rule allows all ingress or all egress from or to anywhere.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "network"],
    framework: nsaHardening("Network separation and hardening", "Network policies"),
    why: "A rule without from or to allows all traffic, silently undoing the default-deny policy it sits next to.",
    fixExample: yamlFix(`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web-from-ingress
          namespace: shop
        spec:
          podSelector:
            matchLabels: {app: web}
          policyTypes: [Ingress]
          ingress:
            - from:
                - namespaceSelector:
                    matchLabels: {kubernetes.io/metadata.name: ingress-nginx}
              ports:
                - {port: 8080}
    `),
    remediationSteps:
        "Give every rule in `spec.ingress` a `from` list (and every rule in `spec.egress` a `to` list) naming the pods, " +
        "namespaces or ipBlocks it needs, or limit it with `ports`. An ipBlock of 0.0.0.0/0 or ::/0 needs an `except` " +
        'list, e.g. `except: ["169.254.169.254/32"]`.',
    url: "https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-ingress-traffic",
    appliesTo: kubernetes.networkPolicy,
    validate: (props, ctx) => {
        const spec = asDict(asDict(props)?.spec);
        for (const [key, peers, direction] of [["ingress", "from", "from"], ["egress", "to", "to"]] as const) {
            ctx.judge(() => {
                const rules = asArray(spec?.[key]);
                for (let index = 0; index < rules.length; index++) {
                    // Each rule on its own: one that is unknown in a preview leaves the others judged.
                    ctx.judge(() => {
                        const entry = rules[index];
                        if (!isDict(entry)) return;
                        if (ruleAllowsEverything(entry, peers)) {
                            ctx.violation(`spec.${key}[${index}]`, `has no \`${peers}\` and no \`ports\`, so it allows all ${key} ${direction} anywhere`, `list the peers it needs in \`${peers}\``);
                        } else if (ruleAllowsAnyAddress(entry, peers)) {
                            ctx.violation(
                                `spec.${key}[${index}].${peers}`,
                                `has an ipBlock open to every address with no \`except\` and no \`ports\`, so it allows all ${key} ${direction} anywhere`,
                                "narrow the ipBlock's cidr, add `except` entries or limit the rule with `ports`",
                            );
                        }
                    });
                }
            });
        }
    },
});
