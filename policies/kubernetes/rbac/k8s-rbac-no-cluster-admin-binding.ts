import { anyOf, asStrings, cisAks, cisEks, cisGke, cisKubernetes, kubernetes, resourcePolicy, roleBindingFix } from "../../core";
import { allowedSubjectsSchema, bindingScope, readBinding, roleRefLabel, subjectMatcher, type Subject } from "./rbac-bindings";

const name = "k8s-rbac-no-cluster-admin-binding";

interface Config {
    allowedSubjects: (subject: Subject) => boolean;
    adminRoles: string[];
}

export const k8sRbacNoClusterAdminBinding = resourcePolicy<unknown, Config>({
    name,
    displayName: "cluster-admin bound only to allowed subjects",
    description: "The cluster-admin ClusterRole (and roles configured as equivalent) is bound only to allow-listed subjects.",
    severity: "critical",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.1", "Ensure that the cluster-admin role is only used where required"),
    alsoCites: [
        cisEks("4.1.1"),
        cisAks("4.1.1"),
        cisGke("4.1.1"),
    ],
    why: "cluster-admin is every permission on every object: a stolen token of any subject bound to it owns the cluster.",
    fixExample: roleBindingFix("view", "{kind: ServiceAccount, name: web, namespace: shop}"),
    remediationSteps:
        "Bind a least-privilege Role or ClusterRole instead: set `roleRef.name` of the kubernetes.rbac.v1.ClusterRoleBinding " +
        "or RoleBinding to a role that grants only the verbs and resources the subject needs. Break-glass administrators " +
        "belong in the policy's `allowedSubjects` config (e.g. `Group:platform-admins`).",
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege",
    configSchema: {
        properties: {
            allowedSubjects: allowedSubjectsSchema,
            adminRoles: {
                type: "array",
                items: { type: "string", minLength: 1 },
                default: ["cluster-admin"],
                description: "ClusterRole names treated as cluster-admin (add your own full-access roles).",
            },
        },
    },
    parseConfig: (raw) => ({
        allowedSubjects: subjectMatcher(name, "allowedSubjects", raw.allowedSubjects),
        adminRoles: asStrings(raw.adminRoles),
    }),
    appliesTo: anyOf(kubernetes.clusterRoleBinding, kubernetes.roleBinding),
    validate: (props, ctx) => {
        const binding = readBinding(ctx.type, props);
        const { kind, name: roleName } = binding.roleRef;
        if (kind !== "ClusterRole" || roleName === undefined || !ctx.config.adminRoles.includes(roleName)) return;
        for (const subject of binding.subjects) {
            if (ctx.config.allowedSubjects(subject)) continue;
            ctx.violation(
                subject.path,
                `binds ${subject.label} to ${roleRefLabel(binding.roleRef)}, full control ${bindingScope(binding)}`,
                "bind a least-privilege role instead, or add the subject to allowedSubjects if it is a reviewed break-glass identity",
            );
        }
    },
});
