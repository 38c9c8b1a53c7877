import * as assert from "assert";
import { k8sRbacNoDefaultSaBinding as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-default-sa-binding";
import { roleBinding, types } from "../../fixtures/rbac";
import { checkResource } from "../../harness";
import { bindingBasics, everyBinding } from "./binding-cases";

describe("k8s-rbac-no-default-sa-binding", () => {
    bindingBasics(policy, { subjects: [{ kind: "ServiceAccount", name: "default", namespace: "shop" }] });

    for (const b of everyBinding([{ kind: "ServiceAccount", name: "default", namespace: "payments" }])) {
        it(`flags a default ServiceAccount in a ${b.kind}`, () => {
            const r = checkResource(policy, b.type, b.props);
            assert.strictEqual(r.violations.length, 1);
            assert.ok(r.violations[0].startsWith(`${b.label}: subjects[0] grants ClusterRole "web-reader"`), r.violations[0]);
            assert.match(r.violations[0], /to ServiceAccount "payments\/default", which every pod in that namespace/);
        });
    }

    it("resolves a RoleBinding subject without namespace to the binding's namespace", () => {
        const rb = roleBinding([{ kind: "ServiceAccount", name: "default" }]);
        assert.match(checkResource(policy, types.roleBinding, rb).violations[0], /ServiceAccount "shop\/default"/);
    });

    it("ignores a User called default, and allows configured roles", () => {
        const [user] = everyBinding([{ kind: "User", name: "default" }]);
        assert.deepStrictEqual(checkResource(policy, user.type, user.props).violations, []);
        const [b] = everyBinding([{ kind: "ServiceAccount", name: "default", namespace: "shop" }], "pod-reader");
        assert.deepStrictEqual(checkResource(policy, b.type, b.props, { config: { allowedRoles: ["pod-reader"] } }).violations, []);
    });
});
