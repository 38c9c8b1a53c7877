import { anyOf, asStrings, cisAks, cisEks, cisGke, cisKubernetes, kubernetes, resourcePolicy, roleBindingFix, unknownFieldError } from "../../core";
import { computedFrom, judgeWithSiblings, knownName, leftToStack, SiblingUnknown } from "../links";
import { allowedSubjectsSchema, type Binding, type BindingJudge, bindingScope, knownRoleRef, knownSubject, readBinding, roleRefLabel, stackJudge, type Subject, subjectMatcher } from "./rbac-bindings";

const name = "k8s-rbac-no-cluster-admin-binding";

interface Config {
    allowedSubjects: (subject: Subject) => boolean;
    /** True when allowedSubjects lists anyone: only then does who a subject is matter. */
    anyAllowed: boolean;
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
        anyAllowed: asStrings(raw.allowedSubjects).length > 0,
        adminRoles: asStrings(raw.adminRoles),
    }),
    appliesTo: anyOf(kubernetes.clusterRoleBinding, kubernetes.roleBinding),
    validate: (props, ctx) => {
        const binding = readBinding(ctx.type, props);
        const { kind, name: roleName } = binding.roleRef;
        // A Role is never cluster-admin, whatever its (possibly unknown) name.
        if (!knownRoleRef(binding, ctx, "kind") || kind !== "ClusterRole") return;
        // A ClusterRole name computed from a ClusterRole of the stack is judged with it, at AnalyzeStack.
        if (binding.roleRef.unknown?.name) return;
        if (roleName !== undefined && ctx.config.adminRoles.includes(roleName)) judgeSubjects(binding, ctx.config, ctx);
    },
    validateStack: (ctx) => {
        for (const resource of ctx.ofType(anyOf(kubernetes.clusterRoleBinding, kubernetes.roleBinding))) {
            if (!leftToStack(resource, "roleRef", kubernetes.clusterRole)) continue;
            judgeWithSiblings(ctx, resource, () => {
                const binding = readBinding(resource.type, resource.props);
                if (binding.roleRef.kind !== "ClusterRole" || !binding.roleRef.unknown?.name) return;
                const role = computedFrom(resource, "roleRef", kubernetes.clusterRole);
                if (!role) throw unknownFieldError(binding.roleRef.unknown.name);
                const name = knownName(role);
                if (name === undefined) throw new SiblingUnknown(role, "metadata.name");
                if (ctx.config.adminRoles.includes(name)) judgeSubjects({ ...binding, roleRef: { kind: "ClusterRole", name } }, ctx.config, stackJudge(ctx, resource));
            });
        }
    },
});

/** Reports every subject a binding to an admin role gives full control to. */
function judgeSubjects(binding: Binding, config: Config, judge: BindingJudge): void {
    for (const subject of binding.subjects) {
        // With no allow-list every subject of the binding is one too many, whoever it is; a list that is
        // unknown as a whole may be empty.
        if (subject.index < 0 || config.anyAllowed) {
            if (!knownSubject(subject, judge, ["kind", "name", "namespace"])) continue;
            if (config.allowedSubjects(subject)) continue;
        }
        judge.violation(
            subject.path,
            `binds ${subject.label} to ${roleRefLabel(binding.roleRef)}, full control ${bindingScope(binding)}`,
            "bind a least-privilege role instead, or add the subject to allowedSubjects if it is a reviewed break-glass identity",
        );
    }
}
