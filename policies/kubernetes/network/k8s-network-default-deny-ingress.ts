import { cisKubernetes, kubernetes, stackPolicy } from "../../core";
import { groupBy, showLabels, stackTraffic, type UnknownWorkload, workloadModels } from "./segmentation";
import { ingressIsolators } from "./traffic";

export const k8sNetworkDefaultDenyIngress = stackPolicy({
    name: "k8s-network-default-deny-ingress",
    description:
        "Every namespace that runs workloads has a NetworkPolicy (or a Cilium or Calico policy) that selects its pods and denies ingress by default; " +
        "uncovered namespaces and workloads are reported.",
    severity: "high",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "network"],
    framework: cisKubernetes("5.3.2", "Ensure that all Namespaces have Network Policies defined"),
    remediationSteps:
        "Add a `kubernetes.networking.v1.NetworkPolicy` in each namespace with `spec.podSelector: {}` and " +
        '`spec.policyTypes: ["Ingress"]` (no ingress rules), then allow the traffic each workload needs with further ' +
        "NetworkPolicies. Pods of a workload must carry labels that the policy's podSelector matches. With Cilium, a " +
        "`CiliumNetworkPolicy` with `endpointSelector: {}` and `ingress: [{}]` does the same; with Calico, a " +
        '`projectcalico.org/v3` NetworkPolicy with `selector: "all()"` and `types: ["Ingress"]`.',
    url: "https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic",
    appliesTo: kubernetes.workloads,
    validateStack: (ctx) => {
        const traffic = stackTraffic(ctx.resources);
        const unknownWorkloads: UnknownWorkload[] = [];
        const workloads = workloadModels(ctx.resources, unknownWorkloads);
        for (const u of unknownWorkloads) ctx.defer(u.resource, u.field);
        for (const [namespace, inNamespace] of groupBy(workloads, (w) => w.namespace)) {
            const unknown = traffic.unknownFor(namespace);
            for (const w of inNamespace) {
                if (w.hostNetwork) continue; // k8s-block-metadata-egress reports host-network pods, which no NetworkPolicy covers
                const isolators = ingressIsolators(traffic.identity(w), traffic.layers);
                for (const layer of isolators) {
                    for (const rule of layer.rules.Ingress) {
                        if (!rule.admitsEverything) continue;
                        ctx.violation(w.resource, "metadata.namespace", `has pods selected by ${layer.label}, whose ${rule.path} ${rule.admitsEverything}, so ingress is not denied by default`, rule.fix(""));
                    }
                }
                if (unknown.length > 0) {
                    // A policy computed in this preview may select these pods: judged at up.
                    for (const u of unknown) ctx.defer(u.resource, u.field);
                    continue;
                }
                if (isolators.length > 0) continue;
                const problem = traffic.anyPolicyFor(namespace)
                    ? `selects pods (${showLabels(w.labels)}) in namespace "${namespace}" that no NetworkPolicy with policyTypes Ingress selects (nor a Cilium or Calico policy that denies ingress by default), so all ingress to them is allowed`
                    : `selects pods in namespace "${namespace}", which has no NetworkPolicy, so all ingress to them is allowed`;
                ctx.violation(w.resource, "metadata.namespace", `${problem}${traffic.ignoredNote(namespace)}`, `add a NetworkPolicy in "${namespace}" with podSelector {} and policyTypes ["Ingress"]`);
            }
        }
    },
});
