import { anyOf, asStrings, cisAks, cisEks, cisGke, cisKubernetes, kubernetes, resourcePolicy, roleBindingFix } from "../../core";
import { bindingScope, readBinding, roleRefLabel } from "./rbac-bindings";

interface Config {
    allowedRoles: string[];
}

export const k8sRbacNoDefaultSaBinding = resourcePolicy<unknown, Config>({
    name: "k8s-rbac-no-default-sa-binding",
    displayName: "No permissions for default ServiceAccounts",
    description: "No binding grants permissions to a namespace's default ServiceAccount.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.5", "Ensure that default service accounts are not actively used"),
    alsoCites: [
        cisEks("4.1.5"),
        cisAks("4.1.5"),
        cisGke("4.1.4"),
    ],
    why: "Every pod of a namespace that names no ServiceAccount runs as default, so permissions granted to default reach all of them.",
    fixExample: roleBindingFix("view", "{kind: ServiceAccount, name: web, namespace: shop}"),
    remediationSteps:
        "Create a dedicated kubernetes.core.v1.ServiceAccount for the workload, bind the role to it in `subjects` " +
        "(`{kind: \"ServiceAccount\", name: \"<app>\", namespace: \"<ns>\"}`), and set `serviceAccountName` in the pod spec. " +
        "Every pod in the namespace that names no ServiceAccount runs as `default` and would inherit the permissions.",
    url: "https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts",
    configSchema: {
        properties: {
            allowedRoles: {
                type: "array",
                items: { type: "string", minLength: 1 },
                default: [],
                description: "Role or ClusterRole names that may be bound to default ServiceAccounts.",
            },
        },
    },
    parseConfig: (raw) => ({ allowedRoles: asStrings(raw.allowedRoles) }),
    appliesTo: anyOf(kubernetes.clusterRoleBinding, kubernetes.roleBinding),
    validate: (props, ctx) => {
        const binding = readBinding(ctx.type, props);
        if (binding.roleRef.name !== undefined && ctx.config.allowedRoles.includes(binding.roleRef.name)) return;
        for (const subject of binding.subjects) {
            if (subject.kind !== "ServiceAccount" || subject.name !== "default") continue;
            ctx.violation(
                subject.path,
                `grants ${roleRefLabel(binding.roleRef)} ${bindingScope(binding)} to ${subject.label}, which every pod in that namespace without a serviceAccountName runs as`,
                "bind the role to a dedicated ServiceAccount instead",
            );
        }
    },
});
