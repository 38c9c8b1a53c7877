import * as assert from "assert";
import { k8sRbacNoAwsAuthWrite as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-aws-auth-write";
import { role, types } from "../../fixtures/rbac";
import { checkResource } from "../../harness";
import { roleBasics } from "./role-cases";

describe("k8s-rbac-no-aws-auth-write", () => {
    roleBasics(policy, {
        failing: [
        { what: "patch on configmaps", rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["patch"] }], expected: /rules\[3\] grants patch on configmaps\./ },
        { what: "update on aws-auth by name", rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["update"], resourceNames: ["aws-auth"] }], expected: /update on configmaps, limited to resourceNames \["aws-auth"\]/ },
    ],
        passing: [
        { what: "write limited to other ConfigMaps", rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["update", "patch"], resourceNames: ["coredns"] }] },
        { what: "reading configmaps", rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] }] },
    ],
        flagsEdit: true, roleNamespace: "kube-system",
    });
    it("judges namespaced Roles only in kube-system", () => {
        const write = [{ apiGroups: [""], resources: ["configmaps"], verbs: ["update"] }];
        assert.deepStrictEqual(checkResource(policy, types.role, role(write, "shop")).violations, []);
        assert.deepStrictEqual(checkResource(policy, types.role, { metadata: { name: "no-namespace" }, rules: write }).violations, []);
        assert.strictEqual(checkResource(policy, types.role, role(write, "kube-system")).violations.length, 1);
    });

});
