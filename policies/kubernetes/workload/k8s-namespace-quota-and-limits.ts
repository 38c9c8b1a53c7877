import type { PolicyResource } from "@pulumi/policy";
import { anyOf, kubernetes, namespaceOf, nsaHardening, stackPolicy } from "../../core";
import { namespaceObjectName } from "../network/segmentation";

export const k8sNamespaceQuotaAndLimits = stackPolicy({
    name: "k8s-namespace-quota-and-limits",
    description: "Every namespace of the stack (Namespace objects and namespaces that workloads run in) has a ResourceQuota and a LimitRange.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload"],
    framework: nsaHardening("Pod security: resource policies", "Use ResourceQuotas and LimitRanges to bound namespace resource use"),
    remediationSteps:
        "Add a `kubernetes.core.v1.ResourceQuota` (e.g. `spec.hard: { \"requests.cpu\": \"4\", \"limits.memory\": \"8Gi\", pods: \"20\" }`) " +
        "and a `kubernetes.core.v1.LimitRange` with container defaults (`spec.limits: [{ type: \"Container\", default: {...}, " +
        "defaultRequest: {...} }]`) in each namespace.",
    url: "https://kubernetes.io/docs/concepts/policy/resource-quotas/",
    appliesTo: { ...anyOf(kubernetes.namespace, kubernetes.workloads), description: `${kubernetes.namespace.description}, workloads` },
    validateStack: (ctx) => {
        const quotas = new Set(ctx.ofType(kubernetes.resourceQuota).map((r) => namespaceOf(r.props)));
        const limitRanges = new Set(ctx.ofType(kubernetes.limitRange).map((r) => namespaceOf(r.props)));
        // Findings go to the Namespace object when the stack has it, else to each workload in that namespace.
        const targets = new Map<string, PolicyResource[]>();
        for (const ns of ctx.ofType(kubernetes.namespace)) {
            const name = namespaceObjectName(ns.props);
            if (name) targets.set(name, [ns]);
        }
        for (const w of ctx.ofType(kubernetes.workloads)) {
            const namespace = namespaceOf(w.props);
            const existing = targets.get(namespace);
            if (!existing) targets.set(namespace, [w]);
            else if (!kubernetes.namespace.has(existing[0].type)) existing.push(w);
        }
        for (const [namespace, resources] of targets) {
            const missing = [quotas.has(namespace) ? undefined : "ResourceQuota", limitRanges.has(namespace) ? undefined : "LimitRange"].filter((m): m is string => m !== undefined);
            if (missing.length === 0) continue;
            for (const r of resources) {
                const isNamespace = kubernetes.namespace.has(r.type);
                ctx.violation(
                    r,
                    isNamespace ? "metadata.name" : "metadata.namespace",
                    `${isNamespace ? "names" : "is"} namespace "${namespace}", which has no ${missing.join(" and no ")} in the stack, so its pods' total resource use is unbounded`,
                    `add a ${missing.join(" and a ")} in namespace "${namespace}"`,
                );
            }
        }
    },
});
