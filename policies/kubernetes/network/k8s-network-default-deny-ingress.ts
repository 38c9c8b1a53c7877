import { cisAks, cisEks, cisGke, cisKubernetes, deploymentFix, kubernetes, nsaHardening, stackPolicy } from "../../core";
import { judgeWithSiblings, readSibling } from "../links";
import { judgeParts, NetworkPolicies, policyLabel, ruleAllowsEverything, rulesOf, selectingPolicies, showLabels, workloadPods } from "./segmentation";

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
        const policies = new NetworkPolicies(ctx.resources);
        for (const workload of ctx.ofType(kubernetes.workloads)) {
            judgeWithSiblings(ctx, workload, () => {
                // Host-network pods are left to k8s-block-metadata-egress: no NetworkPolicy covers them.
                const pods = workloadPods(workload, policies.namespaces);
                if (!pods) return;
                const where = policies.namespaces.describe(pods.namespace);
                const { selecting, open } = selectingPolicies(pods, policies, "Ingress");
                if (selecting.length === 0) {
                    // A policy not yet known might select the pods: no claim until it is.
                    if (open) throw open;
                    const problem =
                        policies.in(pods.namespace).length === 0
                            ? `selects pods in ${where}, which has no NetworkPolicy, so all ingress to them is allowed`
                            : `selects pods (${showLabels(pods.labels)}) in ${where} that no NetworkPolicy with policyTypes Ingress selects, so all ingress to them is allowed`;
                    ctx.violation(workload, "metadata.namespace", problem, `add a NetworkPolicy in ${where} with podSelector {} and policyTypes ["Ingress"]`);
                    return;
                }
                // An allow-all rule of any selecting policy opens ingress to the pods.
                judgeParts(selecting, open, (p) =>
                    judgeParts(rulesOf(p, "Ingress"), undefined, ({ rule, index }) => {
                        if (!readSibling(p.resource, () => ruleAllowsEverything(rule, "from"))) return false;
                        ctx.violation(
                            workload,
                            "metadata.namespace",
                            `has pods selected by NetworkPolicy ${policyLabel(pods.namespace, p)}, whose spec.ingress[${index}] allows all traffic from anywhere, so ingress is not denied by default`,
                            "remove the empty ingress rule and allow only the sources the workload needs",
                        );
                        return true;
                    }),
                );
            });
        }
    },
});
