import { PolicyConfigError, kubernetes, nsaHardening, parseCidr, stackPolicy } from "../../core";
import { groupBy, stackTraffic, type UnknownWorkload, workloadModels } from "./segmentation";
import { egressVerdict } from "./traffic";

interface Config {
    metadataAddresses: string[];
}

export const k8sBlockMetadataEgress = stackPolicy<Config>({
    name: "k8s-block-metadata-egress",
    description:
        "Workloads cannot reach the cloud instance metadata API (169.254.169.254, fd00:ec2::254): the network policies that " +
        "select their pods (Kubernetes, Cilium, Calico or AdminNetworkPolicy) restrict egress and no rule allows that address. " +
        "Host-network pods are reported separately.",
    severity: "high",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "network"],
    framework: nsaHardening("Network separation and hardening", "Use network policies to restrict pod egress, including to the cloud metadata service"),
    remediationSteps:
        'Add a `kubernetes.networking.v1.NetworkPolicy` with `spec.podSelector: {}`, `spec.policyTypes: ["Egress"]` and ' +
        'egress rules whose ipBlocks exclude the metadata address, e.g. `{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ' +
        '["169.254.169.254/32"] } }] }`. Pods with `hostNetwork: true` bypass NetworkPolicies: block the endpoint on the node ' +
        "instead (EKS: IMDSv2 with hop limit 1; GKE: Workload Identity metadata server; AKS: the IMDS restriction feature). " +
        "Cluster-wide alternatives: an AdminNetworkPolicy with an egress rule `{ action: \"Deny\", to: [{ networks: " +
        '["169.254.169.254/32", "fd00:ec2::254/128"] }] }`, a CiliumClusterwideNetworkPolicy with `endpointSelector: {}`, ' +
        "`enableDefaultDeny: { ingress: false, egress: false }` (so it puts no pod in default deny) and an `egressDeny` rule with " +
        "`toCIDR` of those ranges, or a Calico " +
        'GlobalNetworkPolicy in a tier ahead of default (e.g. `tier: "security"`) with `selector: "all()"`, `types: ["Egress"]` and ' +
        'the rules `[{ action: "Deny", destination: { nets: [...those ranges] } }, { action: "Pass" }]`.',
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
        const traffic = stackTraffic(ctx.resources);
        const addresses = ctx.config.metadataAddresses;
        const unknownWorkloads: UnknownWorkload[] = [];
        const workloads = workloadModels(ctx.resources, unknownWorkloads);
        for (const u of unknownWorkloads) ctx.defer(u.resource, u.field);
        for (const [namespace, inNamespace] of groupBy(workloads, (w) => w.namespace)) {
            const allHostNetwork = inNamespace.every((w) => w.hostNetwork);
            const unknown = traffic.unknownFor(namespace);
            for (const w of inNamespace) {
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
                if (unknown.length > 0) {
                    // A policy computed in this preview may allow or block the address for these pods: judged at up.
                    for (const u of unknown) ctx.defer(u.resource, u.field);
                    continue;
                }
                const pod = traffic.identity(w);
                const unrestricted: string[] = [];
                for (const address of addresses) {
                    const verdict = egressVerdict(pod, traffic.layers, address);
                    if (verdict.kind === "unrestricted") unrestricted.push(address);
                    if (verdict.kind !== "allowed") continue;
                    for (const hit of verdict.hits) {
                        ctx.violation(w.resource, "metadata.namespace", `has pods selected by ${hit.layer.label}, whose ${hit.rule.path} ${hit.how}, so the pods can reach the metadata API`, hit.rule.fix(address));
                    }
                }
                if (unrestricted.length > 0) {
                    ctx.violation(
                        w.resource,
                        "metadata.namespace",
                        `is "${namespace}", where no NetworkPolicy with policyTypes Egress selects the pods, so they can reach the metadata API at ${unrestricted.join(", ")}${traffic.ignoredNote(namespace)}`,
                        `add a NetworkPolicy in "${namespace}" with podSelector {}, policyTypes ["Egress"] and ipBlocks that exclude the metadata address`,
                    );
                }
            }
        }
    },
});
