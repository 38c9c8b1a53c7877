import * as assert from "assert";
import { k8sRbacNoPodCreate as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-pod-create";
import { roleBasics } from "./role-cases";

describe("k8s-rbac-no-pod-create", () => {
    roleBasics(policy, {
        failing: [
        { what: "create on pods", rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["create"] }], expected: /rules\[3\] grants create on pods\./ },
        { what: "create on deployments", rules: [{ apiGroups: ["apps"], resources: ["deployments", "statefulsets"], verbs: ["create", "get"] }], expected: /grants create on deployments\.apps; create on statefulsets\.apps\./ },
        { what: "create on jobs and cronjobs", rules: [{ apiGroups: ["batch"], resources: ["jobs", "cronjobs"], verbs: ["create"] }], expected: /create on jobs\.batch; create on cronjobs\.batch/ },
        { what: "create on replicationcontrollers and daemonsets through wildcards", rules: [{ apiGroups: ["", "apps"], resources: ["*"], verbs: ["create"] }], expected: /create on pods \(through resources \["\*"\]\); create on replicationcontrollers/ },
    ],
        passing: [
        { what: "pods read and delete", rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "delete"] }] },
        { what: "create on pods/eviction only", rules: [{ apiGroups: [""], resources: ["pods/eviction"], verbs: ["create"] }] },
        { what: "create limited to resourceNames, which the API cannot honour for create", rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["create"], resourceNames: ["web"] }] },
    ],
        flagsEdit: true,
    });
    it("is advisory: deployers legitimately need it", () => {
        assert.strictEqual(policy.enforcementLevel, "advisory");
    });

});
