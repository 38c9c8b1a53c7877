import * as assert from "assert";
import { k8sRbacNoClusterAdminBinding as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-cluster-admin-binding";
import { roleBinding, types } from "../../fixtures/rbac";
import { checkResource } from "../../harness";
import { bindingBasics, everyBinding } from "./binding-cases";

const admins = [{ kind: "Group", name: "platform-admins" }, { kind: "ServiceAccount", name: "argocd", namespace: "argocd" }];

describe("k8s-rbac-no-cluster-admin-binding", () => {
    bindingBasics(policy, { subjects: admins, role: "cluster-admin" });

    for (const b of everyBinding(admins, "cluster-admin")) {
        it(`flags each subject bound to cluster-admin in a ${b.kind}`, () => {
            const r = checkResource(policy, b.type, b.props);
            assert.strictEqual(r.violations.length, 2);
            assert.ok(r.violations[0].startsWith(`${b.label}: subjects[0] binds Group "platform-admins" to ClusterRole "cluster-admin"`), r.violations[0]);
            assert.match(r.violations[1], /subjects\[1\] binds ServiceAccount "argocd\/argocd"/);
            assert.match(r.violations[0], b.kind.startsWith("Cluster") ? /full control cluster-wide/ : /full control in namespace "shop"/);
        });
    }

    it("passes subjects on the allow-list (globs allowed)", () => {
        const [, , crb] = everyBinding(admins, "cluster-admin");
        const config = { allowedSubjects: ["Group:platform-admins", "ServiceAccount:argocd/*"] };
        assert.deepStrictEqual(checkResource(policy, crb.type, crb.props, { config }).violations, []);
        assert.strictEqual(checkResource(policy, crb.type, crb.props, { config: { allowedSubjects: ["Group:platform-admins"] } }).violations.length, 1);
    });

    it("treats configured adminRoles like cluster-admin", () => {
        const [, , crb] = everyBinding(admins, "super-user");
        assert.deepStrictEqual(checkResource(policy, crb.type, crb.props).violations, []);
        assert.strictEqual(checkResource(policy, crb.type, crb.props, { config: { adminRoles: ["cluster-admin", "super-user"] } }).violations.length, 2);
    });

    it("ignores a namespaced Role that happens to be called cluster-admin", () => {
        const rb = roleBinding(admins, { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "cluster-admin" });
        assert.deepStrictEqual(checkResource(policy, types.roleBinding, rb).violations, []);
    });

    it("rejects a malformed allowedSubjects entry, naming the key", () => {
        const [b] = everyBinding(admins, "cluster-admin");
        assert.throws(() => checkResource(policy, b.type, b.props, { config: { allowedSubjects: ["alice"] } }), /allowedSubjects: "alice" must look like User:name/);
    });
});
