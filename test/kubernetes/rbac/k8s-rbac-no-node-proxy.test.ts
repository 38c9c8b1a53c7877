import { k8sRbacNoNodeProxy as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-node-proxy";
import { roleBasics } from "./role-cases";

describe("k8s-rbac-no-node-proxy", () => {
    roleBasics(policy, {
        failing: [
        { what: "get on nodes/proxy", rules: [{ apiGroups: [""], resources: ["nodes/proxy"], verbs: ["get"] }], expected: /rules\[3\] grants get on nodes\/proxy\./ },
        { what: "a */proxy wildcard", rules: [{ apiGroups: [""], resources: ["*/proxy"], verbs: ["create"] }], expected: /create on nodes\/proxy \(through resources \["\*\/proxy"\]\)/ },
    ],
        passing: [
        { what: "nodes/metrics and nodes/stats", rules: [{ apiGroups: [""], resources: ["nodes", "nodes/metrics", "nodes/stats"], verbs: ["get", "list"] }] },
    ],
        flagsEdit: false,
    });
});
