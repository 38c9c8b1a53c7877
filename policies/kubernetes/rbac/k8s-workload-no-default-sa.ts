import { asString, cisAks, cisEks, cisGke, cisKubernetes, deploymentFix, isUnknown, kubernetes, peek, type PodSpecLocation, podSpecOf, resourcePolicy, unknownFieldError } from "../../core";
import { computedFrom, judgeWithSiblings, knownName, leftToStack, SiblingUnknown } from "../links";

const fix = "create a dedicated ServiceAccount for this workload and set serviceAccountName to it";

/** The field that names the pods' ServiceAccount: serviceAccountName, or its deprecated alias serviceAccount. */
function accountField(pod: PodSpecLocation): { field: string; value: unknown } {
    // serviceAccount is the deprecated alias; serviceAccountName wins when both are set.
    for (const field of ["serviceAccountName", "serviceAccount"]) {
        const value = peek(pod.spec, field);
        if (value !== undefined) return { field, value };
    }
    return { field: "serviceAccountName", value: undefined };
}

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
        "(`spec.template.spec.serviceAccountName` for a Deployment, e.g. `serviceAccountName: sa.metadata.name`). " +
        "Permissions granted to `default` reach every pod of the namespace.",
    url: "https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts",
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const pod = podSpecOf(ctx.type, props);
        if (!pod) return;
        const { field, value } = accountField(pod);
        // Computed from another resource (usually the program's ServiceAccount): judged with it, at AnalyzeStack.
        if (isUnknown(value)) return;
        const account = asString(value);
        if (account !== undefined && account !== "" && account !== "default") return;
        if (value === undefined && pod.isPatch) return; // a patch leaves the live setting alone
        ctx.violation(
            `${pod.path}.${field}`,
            account === undefined || account === "" ? "is absent, and Kubernetes then runs the pods as the namespace's \"default\" ServiceAccount" : 'is "default"',
            fix,
        );
    },
    // In a preview `serviceAccountName: sa.metadata.name` is unknown: the ServiceAccount it was computed from decides.
    validateStack: (ctx) => {
        for (const workload of ctx.ofType(kubernetes.workloads)) {
            if (!leftToStack(workload, "spec", kubernetes.serviceAccount)) continue;
            judgeWithSiblings(ctx, workload, () => {
                const pod = podSpecOf(workload.type, workload.props);
                if (!pod) return;
                const { field, value } = accountField(pod);
                if (!isUnknown(value)) return; // judged at Analyze
                const source = computedFrom(workload, "spec", kubernetes.serviceAccount);
                if (!source) throw unknownFieldError(`${pod.path}.${field}`);
                const name = knownName(source);
                if (name === undefined) throw new SiblingUnknown(source, "metadata.name");
                if (name === "default") ctx.violation(workload, `${pod.path}.${field}`, 'is computed from ServiceAccount "default"', fix);
            });
        }
    },
});
