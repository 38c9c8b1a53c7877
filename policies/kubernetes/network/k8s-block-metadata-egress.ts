import type { PolicyResource } from "@pulumi/policy";
import { deploymentFix, kubernetes, nsaHardening, parseCidr, PolicyConfigError, stackPolicy, UnknownValueError } from "../../core";
import { judgeWithSiblings, readSibling, SiblingUnknown } from "../links";
import { egressRuleAllows, judgeParts, NetworkPolicies, policyLabel, rulesOf, runsWithHostNetwork, selectingPolicies, workloadPods } from "./segmentation";

interface Config {
    metadataAddresses: string[];
}

export const k8sBlockMetadataEgress = stackPolicy<Config>({
    name: "k8s-block-metadata-egress",
    displayName: "No egress to the cloud metadata API",
    description:
        "Workloads cannot reach the cloud instance metadata API (169.254.169.254, fd00:ec2::254): their namespace's " +
        "NetworkPolicies restrict egress and no rule allows that address. Host-network pods are reported separately.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "network"],
    framework: nsaHardening("Network separation and hardening", "Protecting sensitive cloud infrastructure"),
    why: "Pods that reach 169.254.169.254 can read the node's cloud credentials and instance data.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
    `, `
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-metadata
          namespace: shop
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to:
                - ipBlock:
                    cidr: 0.0.0.0/0
                    except: [169.254.169.254/32]
    `),
    remediationSteps:
        'Add a `kubernetes.networking.v1.NetworkPolicy` with `spec.podSelector: {}`, `spec.policyTypes: ["Egress"]` and ' +
        'egress rules whose ipBlocks exclude the metadata address, e.g. `{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ' +
        '["169.254.169.254/32"] } }] }`. Pods with `hostNetwork: true` bypass NetworkPolicies: block the endpoint on the node ' +
        "instead (EKS: IMDSv2 with hop limit 1; GKE: Workload Identity metadata server; AKS: the IMDS restriction feature).",
    url: "https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource",
    configSchema: {
        properties: {
            metadataAddresses: {
                type: "array",
                items: { type: "string", minLength: 1 },
                default: ["169.254.169.254", "fd00:ec2::254"],
                description: "Metadata endpoint addresses that egress must not reach.",
            },
        },
    },
    parseConfig: (raw) => {
        const addresses = raw.metadataAddresses as string[];
        for (const address of addresses) {
            const cidr = parseCidr(address);
            if (!cidr || cidr.prefix !== (cidr.family === "ipv4" ? 32 : 128)) {
                throw new PolicyConfigError("k8s-block-metadata-egress", `metadataAddresses: "${address}" is not an IP address`);
            }
        }
        return { metadataAddresses: addresses };
    },
    appliesTo: kubernetes.workloads,
    validateStack: (ctx) => {
        const policies = new NetworkPolicies(ctx.resources);
        const addresses = ctx.config.metadataAddresses;
        const workloads = ctx.ofType(kubernetes.workloads);
        const allHostNetwork = hostNetworkNamespaces(workloads, policies);
        for (const workload of workloads) {
            judgeWithSiblings(ctx, workload, () => {
                if (runsWithHostNetwork(workload)) {
                    const namespace = policies.namespaces.of(workload);
                    const scope = allHostNetwork.has(namespace.key)
                        ? `every workload in ${policies.namespaces.describe(namespace)} runs with hostNetwork`
                        : "the pods run with hostNetwork";
                    ctx.violation(
                        workload,
                        "hostNetwork",
                        `is true: ${scope}, so no NetworkPolicy covers these pods and they can reach the metadata API`,
                        "drop hostNetwork, or block the metadata endpoint on the node (IMDSv2 hop limit 1, GKE metadata server, AKS IMDS restriction)",
                    );
                    return;
                }
                const pods = workloadPods(workload, policies.namespaces);
                if (!pods) return;
                const where = policies.namespaces.describe(pods.namespace);
                const { selecting, open } = selectingPolicies(pods, policies, "Egress");
                if (selecting.length === 0) {
                    if (open) throw open;
                    ctx.violation(
                        workload,
                        "metadata.namespace",
                        `puts the pods in ${where}, where no NetworkPolicy with policyTypes Egress selects them, so they can reach the metadata API at ${addresses.join(", ")}`,
                        `add a NetworkPolicy in ${where} with podSelector {}, policyTypes ["Egress"] and ipBlocks that exclude the metadata address`,
                    );
                    return;
                }
                // Egress rules add up: any rule of any selecting policy that allows the address opens it.
                judgeParts(selecting, open, (p) =>
                    judgeParts(rulesOf(p, "Egress"), undefined, ({ rule, index }) =>
                        judgeParts(addresses, undefined, (address) => {
                            const how = readSibling(p.resource, () => egressRuleAllows(rule, address));
                            if (!how) return false;
                            ctx.violation(
                                workload,
                                "metadata.namespace",
                                `has pods selected by NetworkPolicy ${policyLabel(pods.namespace, p)}, whose spec.egress[${index}] ${how}, so the pods can reach the metadata API`,
                                `list "${address}/${address.includes(":") ? 128 : 32}" under the ipBlock's \`except\`, or narrow the rule's destinations`,
                            );
                            return true;
                        }),
                    ),
                );
            });
        }
    },
});

/** The keys of namespaces whose every workload is known to run with hostNetwork. */
function hostNetworkNamespaces(workloads: readonly PolicyResource[], policies: NetworkPolicies): Set<string> {
    const all = new Map<string, boolean>();
    let unplaced = false;
    for (const workload of workloads) {
        let key: string;
        try {
            key = policies.namespaces.of(workload).key;
        } catch (e) {
            if (!(e instanceof SiblingUnknown)) throw e;
            unplaced = true;
            continue;
        }
        let hostNetwork = false;
        try {
            hostNetwork = runsWithHostNetwork(workload);
        } catch (e) {
            if (!(e instanceof UnknownValueError)) throw e;
        }
        all.set(key, (all.get(key) ?? true) && hostNetwork);
    }
    // A workload whose namespace or hostNetwork is unknown could be in any namespace: claim no "every".
    return unplaced ? new Set() : new Set([...all].filter(([, every]) => every).map(([key]) => key));
}
