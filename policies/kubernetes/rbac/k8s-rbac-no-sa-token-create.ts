import { anyOf, cisKubernetes, kubernetes, resourcePolicy, roleFix } from "../../core";
import { checkRole, type Permission } from "./rbac-rules";

const permissions: Permission[] = [{ group: "", resource: "serviceaccounts/token", verbs: ["create"] }];

export const k8sRbacNoSaTokenCreate = resourcePolicy<unknown>({
    name: "k8s-rbac-no-sa-token-create",
    displayName: "No ServiceAccount token creation",
    description: "No Role or ClusterRole grants create on serviceaccounts/token.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.13", "Minimize access to the service account token creation"),
    why: "Minting a token for a ServiceAccount gives the holder that account's permissions.",
    fixExample: roleFix(`
        - apiGroups: [apps]
          resources: [deployments]
          verbs: [get, list, watch]
    `),
    remediationSteps:
        "Remove `serviceaccounts/token` (and `*`, `*/token`) with verb `create` from `rules[]` of the kubernetes.rbac.v1.Role or ClusterRole. Minting a token for a ServiceAccount gives its permissions; pods receive their own tokens through projected volumes without this permission.",
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#token-request",
    appliesTo: anyOf(kubernetes.clusterRole, kubernetes.role),
    validate: (props, ctx) =>
        checkRole(ctx.type, props, ctx, {
            permissions,
            fix: "remove create on serviceaccounts/token from this rule",
        }),
});
