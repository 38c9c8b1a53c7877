import { cisAks, cisEks, cisGke, cisKubernetes, deploymentFix, kubernetes, nsaHardening, stackPolicy } from "../../core";
import { judgeWithSiblings, type SiblingUnknown } from "../links";
import { deferFor, mayIsolateIngress, showLabels, stackTraffic, workloadModels } from "./segmentation";
import { ingressIsolators } from "./traffic";

export const k8sNetworkDefaultDenyIngress = stackPolicy({
    name: "k8s-network-default-deny-ingress",
    displayName: "Default-deny ingress in every namespace",
    description:
        "Every namespace that runs workloads has a NetworkPolicy (or a Cilium or Calico policy) that selects its pods and denies ingress by default; " +
        "uncovered namespaces and workloads are reported.",
    severity: "high",
    enforcementLevel: "advisory",
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
        "NetworkPolicies. Pods of a workload must carry labels that the policy's podSelector matches. With Cilium, a " +
        "`CiliumNetworkPolicy` with `endpointSelector: {}` and `ingress: [{}]` does the same; with Calico, a " +
        '`projectcalico.org/v3` NetworkPolicy with `selector: "all()"` and `types: ["Ingress"]`.',
    url: "https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic",
    appliesTo: kubernetes.workloads,
    validateStack: (ctx) => {
        const traffic = stackTraffic(ctx.resources);
        const unknownWorkloads: SiblingUnknown[] = [];
        const workloads = workloadModels(ctx.resources, traffic.namespaces, unknownWorkloads);
        for (const u of unknownWorkloads) ctx.defer(u.resource, u.field, u.why);
        for (const w of workloads) {
            if (w.hostNetwork) continue; // k8s-block-metadata-egress reports host-network pods, which no NetworkPolicy covers
            judgeWithSiblings(ctx, w.resource, () => {
                const isolators = ingressIsolators(traffic.identity(w), traffic.layersIn(w.namespace));
                let reported = false;
                for (const layer of isolators) {
                    for (const rule of layer.rules.Ingress) {
                        if (!rule.admitsEverything) continue;
                        ctx.violation(w.resource, "metadata.namespace", `has pods selected by ${layer.label}, whose ${rule.path} ${rule.admitsEverything}, so ingress is not denied by default`, rule.fix([]));
                        reported = true;
                    }
                }
                if (reported) return;
                // A policy not known in this preview may select these pods, or open them: judged at up.
                const unknown = traffic.unknownFor(w.namespace).filter(mayIsolateIngress);
                if (unknown.length > 0) {
                    deferFor(ctx, unknown);
                    return;
                }
                if (isolators.length > 0) return;
                const where = traffic.namespaces.describe(w.namespace);
                const problem = traffic.anyPolicyFor(w.namespace)
                    ? `selects pods (${showLabels(w.labels)}) in ${where} that no NetworkPolicy with policyTypes Ingress selects (nor a Cilium or Calico policy that denies ingress by default), so all ingress to them is allowed`
                    : `selects pods in ${where}, which has no NetworkPolicy, so all ingress to them is allowed`;
                ctx.violation(w.resource, "metadata.namespace", `${problem}${traffic.ignoredNote(w.namespace)}`, `add a NetworkPolicy in ${where} with podSelector {} and policyTypes ["Ingress"]`);
            });
        }
    },
});
