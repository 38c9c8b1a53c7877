import { asString, cisAks, cisEks, cisGke, cisKubernetes, deploymentFix, isUnknown, kubernetes, peek, resourcePolicy } from "../../core";
import { judgeWithSiblings, leftToStack, Namespaces, SiblingUnknown } from "../links";

const fix = "set metadata.namespace to the application's namespace";

/** `metadata.namespace` as written: a string, absent, or unknown in a preview (the whole metadata may be). */
function namespaceValue(props: unknown): unknown {
    const metadata = peek(props, "metadata");
    return isUnknown(metadata) ? metadata : peek(metadata, "namespace");
}

export const k8sNoDefaultNamespace = resourcePolicy<unknown>({
    name: "k8s-no-default-namespace",
    displayName: "Workloads not in the default namespace",
    description: "Workloads run in a namespace of their own, not in `default`, so RBAC, quotas and NetworkPolicies can be scoped to them.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload"],
    framework: cisKubernetes("5.7.4", "The default namespace should not be used"),
    alsoCites: [
        cisEks("4.5.2"),
        cisAks("4.6.3"),
        cisGke("4.6.4"),
    ],
    why: "Objects in default share one namespace's RBAC, quotas and NetworkPolicies with everything else put there by accident.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
    `, `
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
    `),
    remediationSteps:
        'Create a `kubernetes.core.v1.Namespace` for the application and set `metadata.namespace` on its workloads, e.g. ' +
        '`metadata: { name: "web", namespace: "shop" }` or `metadata: { namespace: ns.metadata.name }`.',
    url: "https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/",
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const namespace = namespaceValue(props);
        // Computed from another resource (usually the program's Namespace): judged with it, at AnalyzeStack.
        if (isUnknown(namespace)) return;
        if (namespace === undefined || namespace === null || asString(namespace)?.trim() === "") {
            ctx.violation("metadata.namespace", 'is absent, and the workload then lands in the provider\'s default namespace, "default"', fix);
        } else if (asString(namespace) === "default") {
            ctx.violation("metadata.namespace", 'is "default"', fix);
        }
    },
    // In a preview `metadata.namespace: ns.metadata.name` is unknown: the Namespace it was computed from decides.
    validateStack: (ctx) => {
        const namespaces = new Namespaces(ctx.resources);
        for (const workload of ctx.ofType(kubernetes.workloads)) {
            if (!leftToStack(workload, "metadata", kubernetes.namespace)) continue;
            judgeWithSiblings(ctx, workload, () => {
                if (!isUnknown(namespaceValue(workload.props))) return; // judged at Analyze
                const link = namespaces.of(workload);
                if (link.name === undefined) throw new SiblingUnknown(link.namespace!, "metadata.name");
                if (link.name === "default") ctx.violation(workload, "metadata.namespace", 'is computed from Namespace "default"', fix);
            });
        }
    },
});
