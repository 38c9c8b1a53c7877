import * as assert from "assert";
import { k8sRbacNoAnonymousBinding as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-anonymous-binding";
import { roleBinding, types } from "../../fixtures/rbac";
import { checkResource } from "../../harness";
import { bindingBasics, everyBinding } from "./binding-cases";

describe("k8s-rbac-no-anonymous-binding", () => {
    bindingBasics(policy, { subjects: [{ kind: "User", name: "system:anonymous" }] });

    const cases: [string, string, RegExp][] = [
        ["User", "system:anonymous", /every unauthenticated request/],
        ["Group", "system:unauthenticated", /every unauthenticated request/],
        ["Group", "system:authenticated", /every authenticated identity/],
    ];
    for (const [kind, name, who] of cases) {
        for (const b of everyBinding([{ kind: "ServiceAccount", name: "web", namespace: "shop" }, { kind, name }], "view")) {
            it(`flags ${name} in a ${b.kind}`, () => {
                const r = checkResource(policy, b.type, b.props);
                assert.strictEqual(r.violations.length, 1);
                assert.ok(r.violations[0].startsWith(`${b.label}: subjects[1] grants ClusterRole "view"`), r.violations[0]);
                assert.match(r.violations[0], who);
            });
        }
    }

    it("allows system:authenticated only to the configured roles, never anonymous", () => {
        const config = { allowedAuthenticatedRoles: ["system:discovery"] };
        const [, , discovery] = everyBinding([{ kind: "Group", name: "system:authenticated" }], "system:discovery");
        assert.strictEqual(checkResource(policy, discovery.type, discovery.props).violations.length, 1);
        assert.deepStrictEqual(checkResource(policy, discovery.type, discovery.props, { config }).violations, []);
        const [, , anonymous] = everyBinding([{ kind: "Group", name: "system:unauthenticated" }], "system:discovery");
        assert.strictEqual(checkResource(policy, anonymous.type, anonymous.props, { config }).violations.length, 1);
        const [, , other] = everyBinding([{ kind: "Group", name: "system:authenticated" }], "edit");
        assert.strictEqual(checkResource(policy, other.type, other.props, { config }).violations.length, 1);
        const namespacedRole = roleBinding([{ kind: "Group", name: "system:authenticated" }], { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "system:discovery" });
        assert.strictEqual(checkResource(policy, types.roleBinding, namespacedRole, { config }).violations.length, 1);
    });

    it("ignores a ServiceAccount that merely has a similar name", () => {
        const [b] = everyBinding([{ kind: "ServiceAccount", name: "system:anonymous", namespace: "shop" }]);
        assert.deepStrictEqual(checkResource(policy, b.type, b.props).violations, []);
    });
});
