import { deploymentFix, kubernetes, nsaHardening, parseCidr, PolicyConfigError, stackPolicy } from "../../core";
import { egressRuleAllows, groupBy, networkPoliciesByNamespace, selectingPolicies, workloadModels } from "./segmentation";

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
        const policies = networkPoliciesByNamespace(ctx.resources);
        const addresses = ctx.config.metadataAddresses;
        for (const [namespace, workloads] of groupBy(workloadModels(ctx.resources), (w) => w.namespace)) {
            const allHostNetwork = workloads.every((w) => w.hostNetwork);
            const inNamespace = policies.get(namespace) ?? [];
            for (const w of workloads) {
                if (w.hostNetwork) {
                    const scope = allHostNetwork ? `every workload in namespace "${namespace}" runs with hostNetwork` : "the pods run with hostNetwork";
                    ctx.violation(
                        w.resource,
                        "hostNetwork",
                        `is true: ${scope}, so no NetworkPolicy covers these pods and they can reach the metadata API`,
                        "drop hostNetwork, or block the metadata endpoint on the node (IMDSv2 hop limit 1, GKE metadata server, AKS IMDS restriction)",
                    );
                    continue;
                }
                const selecting = selectingPolicies(w, inNamespace, "Egress");
                if (selecting.length === 0) {
                    ctx.violation(
                        w.resource,
                        "metadata.namespace",
                        `is "${namespace}", where no NetworkPolicy with policyTypes Egress selects the pods, so they can reach the metadata API at ${addresses.join(", ")}`,
                        `add a NetworkPolicy in "${namespace}" with podSelector {}, policyTypes ["Egress"] and ipBlocks that exclude the metadata address`,
                    );
                    continue;
                }
                for (const p of selecting) {
                    p.egress.forEach((rule, index) => {
                        for (const address of addresses) {
                            const how = egressRuleAllows(rule, address);
                            if (how) {
                                ctx.violation(
                                    w.resource,
                                    "metadata.namespace",
                                    `has pods selected by NetworkPolicy "${namespace}/${p.name}", whose spec.egress[${index}] ${how}, so the pods can reach the metadata API`,
                                    `list "${address}/${address.includes(":") ? 128 : 32}" under the ipBlock's \`except\`, or narrow the rule's destinations`,
                                );
                            }
                        }
                    });
                }
            }
        }
    },
});
