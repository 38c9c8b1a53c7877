import { anyOf, asStrings, cisGke, kubernetes, nsaHardening, ownEntry, resourcePolicy, roleBindingFix } from "../../core";
import { bindingScope, knownRoleRef, knownSubject, readBinding, roleRefLabel } from "./rbac-bindings";

/** Identities every request (or every unauthenticated request) carries. */
const publicSubjects: Record<string, string> = {
    "system:anonymous": "every unauthenticated request",
    "system:unauthenticated": "every unauthenticated request",
    "system:authenticated": "every authenticated identity, including every ServiceAccount and, on managed clusters, any cloud identity that can authenticate",
};

interface Config {
    allowedAuthenticatedRoles: string[];
}

export const k8sRbacNoAnonymousBinding = resourcePolicy<unknown, Config>({
    name: "k8s-rbac-no-anonymous-binding",
    displayName: "No bindings to anonymous or all users",
    description: "No binding grants a role to system:anonymous, system:unauthenticated or system:authenticated.",
    severity: "critical",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    framework: cisGke("4.1.8"),
    alsoCites: [
        cisGke("4.1.9"),
        cisGke("4.1.10"),
        nsaHardening("Authentication and authorization", "Role-based access control"),
    ],
    why: "A binding to system:anonymous or system:unauthenticated grants the role to anyone who can reach the API server; system:authenticated, to every identity of the cluster's identity provider.",
    fixExample: roleBindingFix("view", "{kind: Group, name: shop-developers, apiGroup: rbac.authorization.k8s.io}"),
    remediationSteps:
        "Remove the `system:anonymous` / `system:unauthenticated` / `system:authenticated` entry from `subjects` of the " +
        "kubernetes.rbac.v1.ClusterRoleBinding or RoleBinding and bind the role to the specific User, Group or " +
        "ServiceAccount that needs it. Bindings of system:authenticated to the discovery roles can be allowed with the " +
        "policy's `allowedAuthenticatedRoles` config.",
    url: "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#discovery-roles",
    configSchema: {
        properties: {
            allowedAuthenticatedRoles: {
                type: "array",
                items: { type: "string", minLength: 1 },
                default: [],
                description:
                    "ClusterRoles that may be bound to the system:authenticated group, typically the discovery roles " +
                    "system:discovery, system:basic-user and system:public-info-viewer. Never applies to anonymous or unauthenticated.",
            },
        },
    },
    parseConfig: (raw) => ({ allowedAuthenticatedRoles: asStrings(raw.allowedAuthenticatedRoles) }),
    appliesTo: anyOf(kubernetes.clusterRoleBinding, kubernetes.roleBinding),
    validate: (props, ctx) => {
        const binding = readBinding(ctx.type, props);
        for (const subject of binding.subjects) {
            if (!knownSubject(subject, ctx, ["kind"]) || (subject.kind !== "User" && subject.kind !== "Group")) continue;
            if (!knownSubject(subject, ctx, ["name"])) continue;
            const who = subject.name !== undefined ? ownEntry(publicSubjects, subject.name) : undefined;
            if (!who) continue;
            // Only the system:authenticated exception depends on which role is bound.
            if (subject.name === "system:authenticated" && ctx.config.allowedAuthenticatedRoles.length > 0) {
                if (!knownRoleRef(binding, ctx, "kind") || !knownRoleRef(binding, ctx, "name")) continue;
            }
            const allowed =
                subject.name === "system:authenticated" &&
                binding.roleRef.kind === "ClusterRole" &&
                binding.roleRef.name !== undefined &&
                ctx.config.allowedAuthenticatedRoles.includes(binding.roleRef.name);
            if (allowed) continue;
            ctx.violation(
                subject.path,
                `grants ${roleRefLabel(binding.roleRef)} ${bindingScope(binding)} to ${subject.label}, that is to ${who}`,
                "remove this subject and bind the role to the specific identities that need it",
            );
        }
    },
});
