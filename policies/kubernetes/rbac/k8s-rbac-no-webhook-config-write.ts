import { anyOf, cisKubernetes, kubernetes, resourcePolicy, roleFix } from "../../core";
import { checkRole, writeVerbs, type Permission } from "./rbac-rules";

const permissions: Permission[] = ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"].map((resource) => ({ group: "admissionregistration.k8s.io", resource, verbs: writeVerbs }));

export const k8sRbacNoWebhookConfigWrite = resourcePolicy<unknown>({
    name: "k8s-rbac-no-webhook-config-write",
    displayName: "No webhook configuration writes",
    description: "No Role or ClusterRole can change validating or mutating admission webhook configurations.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.12", "Minimize access to webhook configuration objects"),
    why: "An admission webhook sees, and a mutating one rewrites, every object admitted, Secrets included, and can switch off admission policies.",
    fixExample: roleFix(`
        - apiGroups: [admissionregistration.k8s.io]
          resources: [validatingwebhookconfigurations, mutatingwebhookconfigurations]
          verbs: [get, list, watch]
    `),
    remediationSteps:
        "Remove write verbs (create, update, patch, delete, deletecollection) on `validatingwebhookconfigurations` and `mutatingwebhookconfigurations` (group `admissionregistration.k8s.io`) from `rules[]` of the kubernetes.rbac.v1.ClusterRole. A webhook sees, and a mutating one rewrites, every object admitted, Secrets included; deleting one turns off the controls it enforces.",
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#control-admission-webhooks",
    appliesTo: anyOf(kubernetes.clusterRole, kubernetes.role),
    validate: (props, ctx) =>
        checkRole(ctx.type, props, ctx, {
            permissions,
            fix: "remove write verbs on admission webhook configurations from this rule",
        }),
});
