import { anyOf, cisGke, cisKubernetes, kubernetes, resourcePolicy, roleBindingFix } from "../../core";
import { knownSubject, readBinding, roleRefLabel } from "./rbac-bindings";

export const k8sRbacNoSystemMastersBinding = resourcePolicy<unknown>({
    name: "k8s-rbac-no-system-masters-binding",
    displayName: "No bindings to system:masters",
    description: "No binding names the system:masters group as a subject.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.7", "Avoid use of system:masters group"),
    alsoCites: [
        cisGke("4.1.6"),
    ],
    why: "system:masters bypasses RBAC entirely; its members cannot be restricted or revoked through bindings.",
    fixExample: roleBindingFix("admin", "{kind: Group, name: platform-admins, apiGroup: rbac.authorization.k8s.io}"),
    remediationSteps:
        "Remove the `Group system:masters` subject from the kubernetes.rbac.v1.ClusterRoleBinding or RoleBinding. Members of " +
        "system:masters bypass RBAC entirely and cannot be restricted or revoked through bindings; grant administrators a " +
        "dedicated group bound to a reviewed role instead.",
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege",
    appliesTo: anyOf(kubernetes.clusterRoleBinding, kubernetes.roleBinding),
    validate: (props, ctx) => {
        const binding = readBinding(ctx.type, props);
        for (const subject of binding.subjects) {
            if (!knownSubject(subject, ctx, ["kind"]) || subject.kind !== "Group") continue;
            if (!knownSubject(subject, ctx, ["name"]) || subject.name !== "system:masters") continue;
            ctx.violation(
                subject.path,
                `binds ${roleRefLabel(binding.roleRef)} to Group "system:masters", whose members bypass RBAC (any certificate with O=system:masters is cluster-admin and cannot be revoked)`,
                "remove this subject and bind a dedicated, reviewed administrators group instead",
            );
        }
    },
});
