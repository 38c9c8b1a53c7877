import { anyOf, kubernetes, nsaHardening, resourcePolicy, roleFix } from "../../core";
import { checkRole, type Permission } from "./rbac-rules";

const permissions: Permission[] = ["pods/exec", "pods/attach", "pods/portforward"].map((resource) => ({ group: "", resource, verbs: ["create", "get"] }));

export const k8sRbacNoPodExec = resourcePolicy<unknown>({
    name: "k8s-rbac-no-pod-exec",
    displayName: "No exec, attach or port-forward",
    description: "No Role or ClusterRole grants pods/exec, pods/attach or pods/portforward.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    framework: nsaHardening("Authentication and authorization", "Role-based access control"),
    why: "Interactive access to containers exposes their ServiceAccount tokens, Secrets and network position.",
    fixExample: roleFix(`
        - apiGroups: [""]
          resources: [pods, pods/log]
          verbs: [get, list, watch]
    `),
    remediationSteps:
        "Remove `pods/exec`, `pods/attach` and `pods/portforward` (and `*`, `*/exec` ...) from `rules[].resources` of the kubernetes.rbac.v1.Role or ClusterRole. Interactive access to containers exposes their ServiceAccount tokens, Secrets and network; grant it only to a break-glass role.",
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation",
    appliesTo: anyOf(kubernetes.clusterRole, kubernetes.role),
    validate: (props, ctx) =>
        checkRole(ctx.type, props, ctx, {
            permissions,
            fix: "remove pods/exec, pods/attach and pods/portforward from this rule",
        }),
});
