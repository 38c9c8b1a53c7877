import { asBool, asDict, cisAks, cisEks, cisGke, cisKubernetes, isPatchType, kubernetes, nsaHardening, resourcePolicy, yamlFix } from "../../core";

export const k8sSaNoTokenAutomount = resourcePolicy<unknown>({
    name: "k8s-sa-no-token-automount",
    displayName: "ServiceAccounts do not automount tokens",
    description: "ServiceAccounts set automountServiceAccountToken: false, so pods get an API token only when they ask for one.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.6", "Ensure that Service Account Tokens are only mounted where necessary"),
    alsoCites: [
        cisEks("4.1.6"),
        cisAks("4.1.6"),
        cisGke("4.1.5"),
        nsaHardening("Kubernetes Pod security", "Protecting Pod service account tokens"),
    ],
    why: "Every pod of the account otherwise carries an API token that an attacker in the container can use against the API server.",
    fixExample: yamlFix(`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: web
          namespace: shop
        automountServiceAccountToken: false
    `),
    remediationSteps:
        "Set `automountServiceAccountToken: false` on the kubernetes.core.v1.ServiceAccount (for a namespace's `default` " +
        "ServiceAccount, with a kubernetes.core.v1.ServiceAccountPatch). Pods that call the API set " +
        "`automountServiceAccountToken: true` in their own pod spec.",
    url: "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting",
    appliesTo: kubernetes.serviceAccount,
    validate: (props, ctx) => {
        const value = asDict(props)?.automountServiceAccountToken;
        const automount = asBool(value);
        if (automount === false) return;
        if (automount === undefined && isPatchType(ctx.type)) return; // a patch leaves the live setting alone
        ctx.violation(
            "automountServiceAccountToken",
            automount === true
                ? "is true, so every pod using this ServiceAccount gets its API token unless the pod opts out"
                : "is absent, and Kubernetes then mounts the API token into every pod using this ServiceAccount",
            "set automountServiceAccountToken: false, and true only in the pod specs that call the API",
        );
    },
});
