import { k8sRbacNoWebhookConfigWrite as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-webhook-config-write";
import { roleBasics } from "./role-cases";

describe("k8s-rbac-no-webhook-config-write", () => {
    roleBasics(policy, {
        failing: [
        { what: "patch on mutatingwebhookconfigurations", rules: [{ apiGroups: ["admissionregistration.k8s.io"], resources: ["mutatingwebhookconfigurations"], verbs: ["get", "patch"] }], expected: /rules\[3\] grants patch on mutatingwebhookconfigurations\.admissionregistration\.k8s\.io\./ },
        { what: "delete on validatingwebhookconfigurations", rules: [{ apiGroups: ["admissionregistration.k8s.io"], resources: ["validatingwebhookconfigurations"], verbs: ["delete", "deletecollection"] }], expected: /delete, deletecollection on validatingwebhookconfigurations/ },
    ],
        passing: [
        { what: "reading webhook configurations", rules: [{ apiGroups: ["admissionregistration.k8s.io"], resources: ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"], verbs: ["get", "list", "watch"] }] },
    ],
        flagsEdit: false,
    });
});
