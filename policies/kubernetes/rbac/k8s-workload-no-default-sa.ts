import { asDict, asString, cisAks, cisEks, cisGke, cisKubernetes, deploymentFix, kubernetes, podSpecOf, resourcePolicy } from "../../core";

export const k8sWorkloadNoDefaultSa = resourcePolicy<unknown>({
    name: "k8s-workload-no-default-sa",
    displayName: "Workloads use their own ServiceAccount",
    description: "Workloads run as their own ServiceAccount, not the namespace's default one.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.5", "Ensure that default service accounts are not actively used"),
    alsoCites: [
        cisEks("4.1.5"),
        cisAks("4.1.5"),
        cisGke("4.1.4"),
    ],
    why: "Permissions granted to a namespace's default ServiceAccount reach every pod in it.",
    fixExample: deploymentFix(`
        serviceAccountName: web
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
    `),
    remediationSteps:
        "Create a kubernetes.core.v1.ServiceAccount for the workload and set `serviceAccountName` in its pod spec " +
        "(`spec.template.spec.serviceAccountName` for a Deployment). Permissions granted to `default` reach every pod of the namespace.",
    url: "https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts",
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const pod = podSpecOf(ctx.type, props);
        if (!pod) return;
        const spec = asDict(pod.spec) ?? {};
        // serviceAccount is the deprecated alias; serviceAccountName wins when both are set.
        const field = spec.serviceAccountName !== undefined ? "serviceAccountName" : spec.serviceAccount !== undefined ? "serviceAccount" : undefined;
        const account = field ? asString(spec[field]) : undefined;
        if (account !== undefined && account !== "" && account !== "default") return;
        if (account === undefined && pod.isPatch) return; // a patch leaves the live setting alone
        ctx.violation(
            `${pod.path}.${field ?? "serviceAccountName"}`,
            account === undefined || account === "" ? "is absent, and Kubernetes then runs the pods as the namespace's \"default\" ServiceAccount" : 'is "default"',
            "create a dedicated ServiceAccount for this workload and set serviceAccountName to it",
        );
    },
});
