import * as assert from "assert";
import { k8sRbacNoWildcards as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-wildcards";
import { aggregatedClusterRole, clusterRole, role, types } from "../../fixtures/rbac";
import { checkResource } from "../../harness";
import { roleBasics } from "./role-cases";

describe("k8s-rbac-no-wildcards", () => {
    roleBasics(policy, {
        failing: [
            { what: "a verbs wildcard", rules: [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["*"] }], expected: /rules\[3\] has "\*" in verbs \["\*"\]\. Fix: list/ },
            { what: "a resources wildcard", rules: [{ apiGroups: [""], resources: ["*"], verbs: ["get"] }], expected: /has "\*" in resources \["\*"\]/ },
            { what: "an apiGroups wildcard", rules: [{ apiGroups: ["*"], resources: ["deployments"], verbs: ["get"] }], expected: /has "\*" in apiGroups \["\*"\]/ },
            { what: "all three", rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }], expected: /has "\*" in apiGroups \["\*"\], resources \["\*"\], verbs \["\*"\]/ },
        ],
        passing: [
            { what: "subresource patterns, which are not the full wildcard", rules: [{ apiGroups: [""], resources: ["*/scale", "pods/log"], verbs: ["get"] }] },
        ],
        flagsEdit: false,
    });

    it("names what an empty aggregation selector pulls in", () => {
        const r = checkResource(policy, types.clusterRole, aggregatedClusterRole([{}]));
        assert.match(r.violations[0], /aggregates the built-in ClusterRole\(s\) "cluster-admin".*grants "\*" in apiGroups, resources, verbs \(every permission in the cluster\)/);
    });

    it("passes a selector for the built-in view role and custom labels", () => {
        const view = aggregatedClusterRole([{ matchLabels: { "rbac.authorization.k8s.io/aggregate-to-view": "true" } }, { matchExpressions: [{ key: "team", operator: "In", values: ["web"] }] }]);
        assert.deepStrictEqual(checkResource(policy, types.clusterRole, view).violations, []);
    });

    it("flags a selector for the bootstrapping label, which matches cluster-admin", () => {
        const r = checkResource(policy, types.clusterRole, aggregatedClusterRole([{ matchLabels: { "kubernetes.io/bootstrapping": "rbac-defaults" } }]));
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0], /kubernetes\.io\/bootstrapping=rbac-defaults; this aggregates the built-in ClusterRole\(s\) "cluster-admin"/);
    });

    it("reports one message per rule, in Roles and ClusterRoles alike", () => {
        const rules = [{ apiGroups: ["*"], resources: ["pods"], verbs: ["get"] }, { apiGroups: [""], resources: ["pods"], verbs: ["*"] }];
        assert.strictEqual(checkResource(policy, types.role, role(rules)).violations.length, 2);
        assert.strictEqual(checkResource(policy, types.clusterRole, clusterRole(rules)).violations.length, 2);
    });
});
