import type { PolicyResource } from "@pulumi/policy";
import { anyOf, kubernetes, nsaHardening, stackPolicy, type TypeSet, yamlFix } from "../../core";
import { judgeWithSiblings, type NamespaceLink, Namespaces, SiblingUnknown } from "../links";

/** The namespaces that hold an object of `types` (by key), and the objects whose namespace is not known yet. */
function placement(resources: readonly PolicyResource[], types: TypeSet, namespaces: Namespaces) {
    const links = new Map<string, NamespaceLink>();
    const floating: SiblingUnknown[] = [];
    for (const resource of resources) {
        if (!types.has(resource.type)) continue;
        try {
            const link = namespaces.of(resource);
            links.set(link.key, link);
        } catch (e) {
            if (!(e instanceof SiblingUnknown)) throw e;
            floating.push(e);
        }
    }
    return { links, floating };
}

export const k8sNamespaceQuotaAndLimits = stackPolicy({
    name: "k8s-namespace-quota-and-limits",
    displayName: "Namespaces have a ResourceQuota and LimitRange",
    description: "Every namespace of the stack (Namespace objects and namespaces that workloads run in) has a ResourceQuota and a LimitRange.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload"],
    framework: nsaHardening("Network separation and hardening", "Resource policies"),
    why: "Without quotas, one namespace's workloads (or an attacker in them) can consume the whole cluster's capacity.",
    fixExample: yamlFix(`
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: quota
          namespace: shop
        spec:
          hard: {requests.cpu: "4", limits.memory: 8Gi, pods: "20"}
        ---
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: limits
          namespace: shop
        spec:
          limits:
            - type: Container
              default: {memory: 256Mi}
              defaultRequest: {cpu: 100m, memory: 128Mi}
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
    `),
    remediationSteps:
        "Add a `kubernetes.core.v1.ResourceQuota` (e.g. `spec.hard: { \"requests.cpu\": \"4\", \"limits.memory\": \"8Gi\", pods: \"20\" }`) " +
        "and a `kubernetes.core.v1.LimitRange` with container defaults (`spec.limits: [{ type: \"Container\", default: {...}, " +
        "defaultRequest: {...} }]`) in each namespace.",
    url: "https://kubernetes.io/docs/concepts/policy/resource-quotas/",
    appliesTo: { ...anyOf(kubernetes.namespace, kubernetes.workloads), description: `${kubernetes.namespace.description}, workloads` },
    validateStack: (ctx) => {
        const namespaces = new Namespaces(ctx.resources);
        const quotas = placement(ctx.resources, kubernetes.resourceQuota, namespaces);
        const limitRanges = placement(ctx.resources, kubernetes.limitRange, namespaces);
        // Findings go to the Namespace object when the stack has it, else to each workload in that namespace.
        const targets = new Map<string, { link: NamespaceLink; resources: PolicyResource[] }>();
        for (const ns of namespaces.all) {
            const name = namespaces.nameOf(ns);
            if (name === undefined && !namespaces.nameUnknown(ns)) continue; // no name at all: not a namespace yet
            const key = namespaces.keyOfNamespace(ns);
            targets.set(key, { link: { key, cluster: namespaces.clusterOf(ns), ...(name !== undefined ? { name } : {}), namespace: ns, via: "value" }, resources: [ns] });
        }
        for (const w of ctx.ofType(kubernetes.workloads)) {
            judgeWithSiblings(ctx, w, () => {
                const link = namespaces.of(w);
                // A Namespace whose name is not known yet may be this one, and would take the finding.
                const unnamed = namespaces.couldBe(link)[0];
                if (unnamed) throw new SiblingUnknown(unnamed, "metadata.name");
                const existing = targets.get(link.key);
                if (!existing) targets.set(link.key, { link, resources: [w] });
                else if (!kubernetes.namespace.has(existing.resources[0].type)) existing.resources.push(w);
            });
        }
        // Namespaces named by objects but by no Namespace object of a known name: a Namespace whose name is
        // not known yet may be one of them.
        const ownedKeys = new Set(namespaces.all.map((ns) => namespaces.keyOfNamespace(ns)));
        const unowned = (links: Map<string, NamespaceLink>, cluster: string) => [...links.values()].some((l) => l.name !== undefined && l.cluster === cluster && !ownedKeys.has(l.key));
        for (const { link, resources } of targets.values()) {
            if (link.name === undefined && link.namespace && (unowned(quotas.links, link.cluster) || unowned(limitRanges.links, link.cluster))) {
                ctx.defer(link.namespace, "metadata.name");
                continue;
            }
            const missing = [
                quotas.links.has(link.key) ? undefined : { kind: "ResourceQuota", floating: quotas.floating },
                limitRanges.links.has(link.key) ? undefined : { kind: "LimitRange", floating: limitRanges.floating },
            ].filter((m) => m !== undefined);
            if (missing.length === 0) continue;
            // A quota whose namespace is not known yet may be this namespace's: no claim until it is.
            const undecided = missing.flatMap((m) => m.floating);
            if (undecided.length > 0) {
                for (const { resource, field, why } of undecided) ctx.defer(resource, field, why);
                continue;
            }
            const kinds = missing.map((m) => m.kind);
            const where = namespaces.describe(link);
            for (const r of resources) {
                const isNamespace = kubernetes.namespace.has(r.type);
                ctx.violation(
                    r,
                    isNamespace ? "metadata.name" : "metadata.namespace",
                    `${isNamespace ? "names" : "is"} ${where}, which has no ${kinds.join(" and no ")} in the stack, so its pods' total resource use is unbounded`,
                    `add a ${kinds.join(" and a ")} in ${where}`,
                );
            }
        }
    },
});
