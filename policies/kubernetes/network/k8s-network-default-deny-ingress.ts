import { cisAks, cisEks, cisGke, cisKubernetes, deploymentFix, kubernetes, nsaHardening, stackPolicy } from "../../core";
import { groupBy, networkPoliciesByNamespace, ruleAllowsEverything, selectingPolicies, showLabels, workloadModels } from "./segmentation";

export const k8sNetworkDefaultDenyIngress = stackPolicy({
    name: "k8s-network-default-deny-ingress",
    displayName: "Default-deny ingress in every namespace",
    description:
        "Every namespace that runs workloads has a NetworkPolicy that selects its pods and denies ingress by default; " +
        "uncovered namespaces and workloads are reported.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "network"],
    framework: cisKubernetes("5.3.2"),
    alsoCites: [
        cisEks("4.3.2"),
        cisAks("4.4.2"),
        cisGke("4.3.2"),
        nsaHardening("Network separation and hardening", "Network policies"),
    ],
    why: "Without a default-deny policy every pod accepts connections from every other pod, so one compromised workload can reach all the others.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
    `, `
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny-ingress
          namespace: shop
        spec:
          podSelector: {}
          policyTypes: [Ingress]
    `),
    remediationSteps:
        "Add a `kubernetes.networking.v1.NetworkPolicy` in each namespace with `spec.podSelector: {}` and " +
        '`spec.policyTypes: ["Ingress"]` (no ingress rules), then allow the traffic each workload needs with further ' +
        "NetworkPolicies. Pods of a workload must carry labels that the policy's podSelector matches.",
    url: "https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic",
    appliesTo: kubernetes.workloads,
    validateStack: (ctx) => {
        const policies = networkPoliciesByNamespace(ctx.resources);
        for (const [namespace, workloads] of groupBy(workloadModels(ctx.resources), (w) => w.namespace)) {
            const inNamespace = policies.get(namespace) ?? [];
            for (const w of workloads) {
                if (w.hostNetwork) continue; // k8s-block-metadata-egress reports host-network pods, which no NetworkPolicy covers
                const selecting = selectingPolicies(w, inNamespace, "Ingress");
                if (selecting.length === 0) {
                    const problem =
                        inNamespace.length === 0
                            ? `selects pods in namespace "${namespace}", which has no NetworkPolicy, so all ingress to them is allowed`
                            : `selects pods (${showLabels(w.labels)}) in namespace "${namespace}" that no NetworkPolicy with policyTypes Ingress selects, so all ingress to them is allowed`;
                    ctx.violation(w.resource, "metadata.namespace", problem, `add a NetworkPolicy in "${namespace}" with podSelector {} and policyTypes ["Ingress"]`);
                    continue;
                }
                for (const p of selecting) {
                    const open = p.ingress.findIndex((rule) => ruleAllowsEverything(rule, "from"));
                    if (open >= 0) {
                        ctx.violation(
                            w.resource,
                            "metadata.namespace",
                            `has pods selected by NetworkPolicy "${namespace}/${p.name}", whose spec.ingress[${open}] allows all traffic from anywhere, so ingress is not denied by default`,
                            "remove the empty ingress rule and allow only the sources the workload needs",
                        );
                    }
                }
            }
        }
    },
});
