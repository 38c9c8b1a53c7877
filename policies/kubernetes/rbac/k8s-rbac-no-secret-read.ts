import { anyOf, cisAks, cisEks, cisGke, cisKubernetes, kubernetes, resourcePolicy, roleFix } from "../../core";
import { checkRole, readVerbs, type Permission } from "./rbac-rules";

const permissions: Permission[] = [{ group: "", resource: "secrets", verbs: readVerbs }];

export const k8sRbacNoSecretRead = resourcePolicy<unknown>({
    name: "k8s-rbac-no-secret-read",
    displayName: "No read access to Secrets",
    description: "No Role or ClusterRole grants get, list or watch on Secrets.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.2", "Minimize access to secrets"),
    alsoCites: [
        cisEks("4.1.2"),
        cisAks("4.1.2"),
        cisGke("4.1.2"),
    ],
    why: "get, list or watch on Secrets reveals every credential of the namespace, including ServiceAccount tokens of more privileged workloads.",
    fixExample: roleFix(`
        - apiGroups: [apps]
          resources: [deployments]
          verbs: [get, list, watch]
    `),
    remediationSteps:
        "Remove `secrets` (and `*`) from `rules[].resources` for the get/list/watch verbs of the kubernetes.rbac.v1.Role or ClusterRole. Where a workload must read one Secret, mount it into the pod, or grant `get` only, with `resourceNames: [\"<secret>\"]`, in a namespaced Role. list and watch return every Secret's content.",
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets",
    appliesTo: anyOf(kubernetes.clusterRole, kubernetes.role),
    validate: (props, ctx) =>
        checkRole(ctx.type, props, ctx, {
            permissions,
            fix: "remove read verbs on secrets from this rule, or mount the Secret into the pod instead",
        }),
});
