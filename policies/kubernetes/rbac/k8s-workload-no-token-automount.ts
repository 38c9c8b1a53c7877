import type { PolicyResource } from "@pulumi/policy";
import { anyOf, asBool, asDict, asString, cisAks, cisEks, cisGke, cisKubernetes, deploymentFix, isPatchType, kubernetes, namespaceOf, nsaHardening, podSpecOf, stackPolicy } from "../../core";

interface AccountSetting {
    /** The effective automountServiceAccountToken of the ServiceAccount, undefined when it does not set it. */
    automount?: boolean;
    label: string;
}

const nameOf = (props: unknown) => asString(asDict(asDict(props)?.metadata)?.name);

/**
 * The ServiceAccounts of the stack by namespace/name. A ServiceAccountPatch that sets the field overrides
 * the ServiceAccount's own value, as it does in the cluster.
 */
function accountSettings(accounts: PolicyResource[]): Map<string, AccountSetting> {
    const settings = new Map<string, AccountSetting>();
    const ordered = [...accounts.filter((a) => !isPatchType(a.type)), ...accounts.filter((a) => isPatchType(a.type))];
    for (const account of ordered) {
        const name = nameOf(account.props);
        if (name === undefined) continue;
        const key = `${namespaceOf(account.props)}/${name}`;
        const value = asBool(asDict(account.props)?.automountServiceAccountToken);
        const previous = settings.get(key);
        settings.set(key, { automount: value ?? previous?.automount, label: `ServiceAccount "${key}"` });
    }
    return settings;
}

export const k8sWorkloadNoTokenAutomount = stackPolicy({
    name: "k8s-workload-no-token-automount",
    displayName: "Workloads do not automount tokens",
    description:
        "Workloads do not get an API token mounted unless they ask for it: the pod spec, or the ServiceAccount it " +
        "inherits from when both are in the stack, sets automountServiceAccountToken: false.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.6", "Ensure that Service Account Tokens are only mounted where necessary"),
    alsoCites: [
        cisEks("4.1.6"),
        cisAks("4.1.6"),
        cisGke("4.1.5"),
        nsaHardening("Kubernetes Pod security", "Protecting Pod service account tokens"),
    ],
    why: "A mounted API token lets anyone who compromises the container act with the pod's ServiceAccount permissions.",
    fixExample: deploymentFix(`
        automountServiceAccountToken: false
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
    `),
    remediationSteps:
        "Set `automountServiceAccountToken: false` in the pod spec (`spec.template.spec.automountServiceAccountToken` for a " +
        "Deployment) or on the kubernetes.core.v1.ServiceAccount the pods run as. Workloads that call the Kubernetes API " +
        "keep the token and carry an exemption annotation `exempt.clusterguard.io/k8s-workload-no-token-automount: <reason>`.",
    url: "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting",
    appliesTo: anyOf(kubernetes.workloads),
    validateStack: (ctx) => {
        const accounts = accountSettings(ctx.ofType(kubernetes.serviceAccount));
        for (const workload of ctx.ofType(kubernetes.workloads)) {
            if (ctx.exemption(workload)) continue;
            const pod = podSpecOf(workload.type, workload.props);
            if (!pod) continue;
            const spec = asDict(pod.spec) ?? {};
            const path = `${pod.path}.automountServiceAccountToken`;
            const own = asBool(spec.automountServiceAccountToken);
            if (own === false) continue;
            if (own === true) {
                ctx.violation(workload, path, "is true, so every container can read an API token", "set it to false unless the workload calls the Kubernetes API");
                continue;
            }
            if (pod.isPatch) continue; // a patch that does not set it leaves the live setting alone
            const accountName = asString(spec.serviceAccountName) || asString(spec.serviceAccount) || "default";
            const key = `${namespaceOf(workload.props)}/${accountName}`;
            const account = accounts.get(key);
            if (account?.automount === false) continue;
            const problem = account
                ? `is absent, and the pods inherit ${account.label}, which ${account.automount === true ? "sets automountServiceAccountToken: true" : "does not set automountServiceAccountToken"}, so Kubernetes mounts the API token`
                : `is absent, and ServiceAccount "${key}" is not in this stack, so Kubernetes mounts the API token unless that ServiceAccount opts out`;
            ctx.violation(workload, path, problem, `set automountServiceAccountToken: false here or on ServiceAccount "${key}"`);
        }
    },
});
