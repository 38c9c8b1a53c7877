import { k8sRbacNoSaTokenCreate as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-sa-token-create";
import { roleBasics } from "./role-cases";

describe("k8s-rbac-no-sa-token-create", () => {
    roleBasics(policy, {
        failing: [
        { what: "create on serviceaccounts/token", rules: [{ apiGroups: [""], resources: ["serviceaccounts/token"], verbs: ["create"] }], expected: /rules\[3\] grants create on serviceaccounts\/token\./ },
        { what: "a */token wildcard", rules: [{ apiGroups: [""], resources: ["*/token"], verbs: ["*"] }], expected: /through resources \["\*\/token"\], verbs "\*"/ },
    ],
        passing: [
        { what: "serviceaccounts read", rules: [{ apiGroups: [""], resources: ["serviceaccounts"], verbs: ["get", "list", "create"] }] },
        { what: "get on serviceaccounts/token", rules: [{ apiGroups: [""], resources: ["serviceaccounts/token"], verbs: ["get"] }] },
    ],
        flagsEdit: true,
    });
});
