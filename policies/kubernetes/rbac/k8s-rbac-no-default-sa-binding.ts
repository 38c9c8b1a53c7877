import { anyOf, asStrings, cisAks, cisEks, cisGke, cisKubernetes, dependencyTargets, kubernetes, resourcePolicy, roleBindingFix, unknownFieldError } from "../../core";
import { judgeWithSiblings, knownName, leftToStack, SiblingUnknown } from "../links";
import { type Binding, type BindingJudge, bindingScope, knownRoleRef, knownSubject, readBinding, roleRefLabel, stackJudge } from "./rbac-bindings";

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
    validate: (props, ctx) => judgeDefaultAccounts(readBinding(ctx.type, props), ctx.config, ctx),
    // In a preview a subject's name may be `sa.metadata.name`: the ServiceAccount it was computed from decides.
    validateStack: (ctx) => {
        for (const resource of ctx.ofType(anyOf(kubernetes.clusterRoleBinding, kubernetes.roleBinding))) {
            if (!leftToStack(resource, "subjects", kubernetes.serviceAccount)) continue;
            judgeWithSiblings(ctx, resource, () => {
                const binding = readBinding(resource.type, resource.props);
                const computed = binding.subjects.filter((s) => s.kind === "ServiceAccount" && s.unknown.name && !s.unknown.kind);
                if (computed.length === 0) return;
                const sources = dependencyTargets(resource, "subjects", kubernetes.serviceAccount);
                // Only one computed name and one ServiceAccount it can come from tell which is which.
                if (computed.length !== 1 || sources.length !== 1) throw unknownFieldError(computed[0].unknown.name!);
                const name = knownName(sources[0]);
                if (name === undefined) throw new SiblingUnknown(sources[0], "metadata.name");
                const resolved = { ...computed[0], name, unknown: {}, label: `ServiceAccount "${computed[0].namespace ? `${computed[0].namespace}/` : ""}${name}"` };
                judgeDefaultAccounts({ ...binding, subjects: [resolved] }, ctx.config, stackJudge(ctx, resource));
            });
        }
    },
});

/** Reports every subject that is a default ServiceAccount; a name computed from another resource is left to AnalyzeStack. */
function judgeDefaultAccounts(binding: Binding, config: Config, judge: BindingJudge): void {
    if (binding.roleRef.name !== undefined && config.allowedRoles.includes(binding.roleRef.name)) return;
    for (const subject of binding.subjects) {
        // Any namespace's default ServiceAccount counts: the subject's namespace only labels the message.
        if (!knownSubject(subject, judge, ["kind"]) || subject.kind !== "ServiceAccount") continue;
        if (subject.unknown.name && subject.index >= 0) continue;
        if (!knownSubject(subject, judge, ["name"]) || subject.name !== "default") continue;
        if (config.allowedRoles.length > 0 && !knownRoleRef(binding, judge, "name")) continue;
        judge.violation(
            subject.path,
            `grants ${roleRefLabel(binding.roleRef)} ${bindingScope(binding)} to ${subject.label}, which every pod in that namespace without a serviceAccountName runs as`,
            "bind the role to a dedicated ServiceAccount instead",
        );
    }
}
