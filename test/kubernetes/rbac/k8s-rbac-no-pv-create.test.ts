import { k8sRbacNoPvCreate as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-pv-create";
import { roleBasics } from "./role-cases";

describe("k8s-rbac-no-pv-create", () => {
    roleBasics(policy, {
        failing: [
        { what: "create on persistentvolumes", rules: [{ apiGroups: [""], resources: ["persistentvolumes"], verbs: ["create"] }], expected: /rules\[3\] grants create on persistentvolumes\./ },
    ],
        passing: [
        { what: "persistentvolumeclaims create", rules: [{ apiGroups: [""], resources: ["persistentvolumeclaims"], verbs: ["create"] }, { apiGroups: [""], resources: ["persistentvolumes"], verbs: ["get", "list"] }] },
    ],
        flagsEdit: false,
    });
});
