import { asDict, asString, cisAks, cisEks, cisGke, cisKubernetes, deploymentFix, kubernetes, resourcePolicy } from "../../core";

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
        '`metadata: { name: "web", namespace: "shop" }`.',
    url: "https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/",
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const metadata = asDict(asDict(props)?.metadata);
        const namespace = metadata?.namespace;
        if (namespace === undefined || namespace === null || asString(namespace)?.trim() === "") {
            ctx.violation("metadata.namespace", 'is absent, and the workload then lands in the provider\'s default namespace, "default"', "set metadata.namespace to the application's namespace");
        } else if (asString(namespace) === "default") {
            ctx.violation("metadata.namespace", 'is "default"', "set metadata.namespace to the application's namespace");
        }
    },
});
