import { k8sRbacNoEscalationVerbs as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-escalation-verbs";
import { roleBasics } from "./role-cases";

describe("k8s-rbac-no-escalation-verbs", () => {
    roleBasics(policy, {
        failing: [
        { what: "escalate on clusterroles", rules: [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["escalate"] }], expected: /rules\[3\] grants escalate on clusterroles\.rbac\.authorization\.k8s\.io\./ },
        { what: "bind on roles", rules: [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["bind", "get"] }], expected: /grants bind on roles\.rbac/ },
        { what: "impersonate on users and groups", rules: [{ apiGroups: [""], resources: ["users", "groups"], verbs: ["impersonate"] }], expected: /impersonate on users; impersonate on groups/ },
        { what: "impersonate on a named ServiceAccount", rules: [{ apiGroups: [""], resources: ["serviceaccounts"], verbs: ["impersonate"], resourceNames: ["deployer"] }], expected: /impersonate on serviceaccounts, limited to resourceNames/ },
        { what: "a verbs wildcard on roles", rules: [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["*"] }], expected: /escalate, bind on roles\.rbac\.authorization\.k8s\.io \(through verbs "\*"\)/ },
    ],
        passing: [
        { what: "role management without escalate or bind", rules: [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles", "rolebindings"], verbs: ["get", "list", "create", "update"] }] },
        { what: "impersonate on a resource it has no meaning for", rules: [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["impersonate"] }] },
    ],
        flagsEdit: true,
    });
});
