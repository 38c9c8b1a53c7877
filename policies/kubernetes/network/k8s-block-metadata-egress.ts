import { deploymentFix, groupBy, kubernetes, nsaHardening, parseCidr, PolicyConfigError, pushTo, stackPolicy } from "../../core";
import { judgeWithSiblings, type SiblingUnknown } from "../links";
import { deferFor, stackTraffic, workloadModels } from "./segmentation";
import { egressVerdict, mayChange, type PolicyLayer, selectingLayers, type TrafficRule, type UnknownPolicy } from "./traffic";

/** Where a rule's description names the address, so that descriptions differing only there are told once. */
const addressSlot = "\u0000";

/** `toEntities "all" includes 169.254.169.254 and fd00:ec2::254`: each description once, with the addresses it was given for. */
function describeReach(hows: ReadonlyMap<string, readonly string[]>): string {
    return [...hows].map(([how, addresses]) => how.split(addressSlot).join(addresses.join(" and "))).join("; ");
}

interface Config {
    metadataAddresses: string[];
}

export const k8sBlockMetadataEgress = stackPolicy<Config>({
    name: "k8s-block-metadata-egress",
    displayName: "No egress to the cloud metadata API",
    description:
        "Workloads cannot reach the cloud instance metadata API (169.254.169.254, fd00:ec2::254): the network policies that " +
        "select their pods (Kubernetes, Cilium, Calico, AdminNetworkPolicy or ClusterNetworkPolicy) restrict egress and no rule allows that address. " +
        "Host-network pods are reported separately.",
    severity: "high",
    enforcementLevel: "advisory",
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
        "instead (EKS: IMDSv2 with hop limit 1; GKE: Workload Identity metadata server; AKS: the IMDS restriction feature). " +
        "Cluster-wide alternatives: a ClusterNetworkPolicy (`policy.networking.k8s.io/v1alpha2`) with the spec `{ tier: \"Admin\", " +
        "priority: 10, subject: { namespaces: {} }, egress: [{ action: \"Deny\", to: [{ networks: " +
        '["169.254.169.254/32", "fd00:ec2::254/128"] }] }] }` (a v1alpha1 AdminNetworkPolicy takes the same spec without `tier`), a CiliumClusterwideNetworkPolicy with `endpointSelector: {}`, ' +
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
        const unknownWorkloads: SiblingUnknown[] = [];
        const workloads = workloadModels(ctx.resources, traffic.namespaces, unknownWorkloads);
        for (const u of unknownWorkloads) ctx.defer(u.resource, u.field, u.why);
        for (const inNamespace of groupBy(workloads, (w) => w.namespace.key).values()) {
            // A workload not placed yet may be in this namespace too: then no "every" is claimed.
            const allHostNetwork = unknownWorkloads.length === 0 && inNamespace.every((w) => w.hostNetwork);
            for (const w of inNamespace) {
                const where = traffic.namespaces.describe(w.namespace);
                if (w.hostNetwork) {
                    const scope = allHostNetwork ? `every workload in ${where} runs with hostNetwork` : "the pods run with hostNetwork";
                    ctx.violation(
                        w.resource,
                        "hostNetwork",
                        `is true: ${scope}, so no NetworkPolicy covers these pods and they can reach the metadata API`,
                        "drop hostNetwork, or block the metadata endpoint on the node (IMDSv2 hop limit 1, GKE metadata server, AKS IMDS restriction)",
                    );
                    continue;
                }
                judgeWithSiblings(ctx, w.resource, () => {
                    const pod = traffic.identity(w);
                    const unknown = traffic.unknownFor(w.namespace);
                    // A policy not known in this preview leaves open only the verdicts it could change.
                    const open = new Set<UnknownPolicy>();
                    const unrestricted: string[] = [];
                    // One finding per rule, naming every address it lets through (an empty rule reaches them all).
                    const reaching = new Map<TrafficRule, { layer: PolicyLayer; hows: Map<string, string[]>; addresses: string[] }>();
                    const selecting = selectingLayers(pod, traffic.layersIn(w.namespace));
                    for (const address of addresses) {
                        const verdict = egressVerdict(pod, selecting, address);
                        const changing = unknown.filter((u) => mayChange(u, verdict));
                        if (changing.length > 0) {
                            for (const u of changing) open.add(u);
                            continue;
                        }
                        if (verdict.kind === "unrestricted") unrestricted.push(address);
                        if (verdict.kind !== "allowed") continue;
                        for (const hit of verdict.hits) {
                            let reached = reaching.get(hit.rule);
                            if (!reached) reaching.set(hit.rule, (reached = { layer: hit.layer, hows: new Map(), addresses: [] }));
                            pushTo(reached.hows, hit.how.split(address).join(addressSlot), address);
                            reached.addresses.push(address);
                        }
                    }
                    for (const [rule, { layer, hows, addresses: reached }] of reaching) {
                        ctx.violation(
                            w.resource,
                            "metadata.namespace",
                            `has pods selected by ${layer.label}, whose ${rule.path} ${describeReach(hows)}, so the pods can reach the metadata API at ${reached.join(", ")}`,
                            rule.fix(reached),
                        );
                    }
                    if (unrestricted.length > 0) {
                        ctx.violation(
                            w.resource,
                            "metadata.namespace",
                            `puts the pods in ${where}, where no NetworkPolicy with policyTypes Egress selects them, so they can reach the metadata API at ${unrestricted.join(", ")}${traffic.ignoredNote(w.namespace)}`,
                            `add a NetworkPolicy in ${where} with podSelector {}, policyTypes ["Egress"] and ipBlocks that exclude the metadata address`,
                        );
                    }
                    deferFor(ctx, [...open]);
                });
            }
        }
    },
});
