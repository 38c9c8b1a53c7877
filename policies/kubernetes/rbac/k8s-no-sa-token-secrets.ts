import { asDict, asString, kubernetes, nsaHardening, peek, resourcePolicy, yamlFix } from "../../core";

const tokenType = "kubernetes.io/service-account-token";

export const k8sNoSaTokenSecrets = resourcePolicy<unknown>({
    name: "k8s-no-sa-token-secrets",
    displayName: "No long-lived ServiceAccount token Secrets",
    description: "No Secret of type kubernetes.io/service-account-token: such tokens never expire and are readable by anyone who can read Secrets.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    framework: nsaHardening("Kubernetes Pod security", "Protecting Pod service account tokens"),
    why: "Service-account-token Secrets never expire and are readable by anyone who can read Secrets in the namespace.",
    fixExample: yamlFix(`
        apiVersion: v1
        kind: Secret
        metadata:
          name: web-config
          namespace: shop
        type: Opaque
        stringData:
          LOG_LEVEL: info
    `),
    remediationSteps:
        "Remove the kubernetes.core.v1.Secret of `type: \"kubernetes.io/service-account-token\"`. Pods get short-lived, " +
        "auto-rotated tokens through projected volumes; other clients request one with the TokenRequest API " +
        "(`kubectl create token <sa> --duration=1h`) or use the cloud's workload identity.",
    url: "https://kubernetes.io/docs/concepts/configuration/secret/#serviceaccount-token-secrets",
    appliesTo: kubernetes.secret,
    validate: (props, ctx) => {
        const dict = asDict(props) ?? {};
        if (asString(dict.type) !== tokenType) return;
        // For the message only: never deferred on.
        const account = asString(peek(peek(peek(dict, "metadata"), "annotations"), "kubernetes.io/service-account.name"));
        ctx.violation(
            "type",
            `is "${tokenType}", a long-lived token${account ? ` for ServiceAccount "${account}"` : ""} that never expires`,
            "delete this Secret and use projected or TokenRequest tokens with an expiry instead",
        );
    },
});
