import { anyOf, cisEks, cisGke, cisKubernetes, kubernetes, resourcePolicy, roleFix } from "../../core";
import { checkRole, rbacGroup, type Permission } from "./rbac-rules";

const permissions: Permission[] = [
        ...["roles", "clusterroles"].map((resource) => ({ group: rbacGroup, resource, verbs: ["escalate", "bind"] })),
        ...["users", "groups", "serviceaccounts"].map((resource) => ({ group: "", resource, verbs: ["impersonate"] })),
        { group: "authentication.k8s.io", resource: "uids", verbs: ["impersonate"] },
    ];

export const k8sRbacNoEscalationVerbs = resourcePolicy<unknown>({
    name: "k8s-rbac-no-escalation-verbs",
    displayName: "No escalate, bind or impersonate",
    description: "No Role or ClusterRole grants escalate or bind on roles, or impersonate on users, groups or ServiceAccounts.",
    severity: "critical",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.8", "Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster"),
    alsoCites: [
        cisEks("4.1.8"),
        cisGke("4.1.7"),
    ],
    why: "escalate and bind let the holder grant permissions it does not have; impersonate lets it act as any user, group or ServiceAccount.",
    fixExample: roleFix(`
        - apiGroups: [apps]
          resources: [deployments]
          verbs: [get, list, watch]
    `),
    remediationSteps:
        "Remove the `escalate`, `bind` and `impersonate` verbs (and `*`) from `rules[].verbs` of the kubernetes.rbac.v1.Role or ClusterRole. escalate and bind let the holder grant permissions it does not have; impersonate lets it act as any user, group or ServiceAccount.",
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#escalate-verb",
    appliesTo: anyOf(kubernetes.clusterRole, kubernetes.role),
    validate: (props, ctx) =>
        checkRole(ctx.type, props, ctx, {
            permissions,
            fix: "remove escalate, bind and impersonate from this rule",
        }),
});
