import * as assert from "assert";
import { k8sRbacNoSystemMastersBinding as policy } from "../../../policies/kubernetes/rbac/k8s-rbac-no-system-masters-binding";
import { checkResource } from "../../harness";
import { bindingBasics, everyBinding } from "./binding-cases";

describe("k8s-rbac-no-system-masters-binding", () => {
    bindingBasics(policy, { subjects: [{ kind: "Group", name: "system:masters" }] });

    for (const b of everyBinding([{ kind: "User", name: "alice" }, { kind: "Group", name: "system:masters" }], "view")) {
        it(`flags the system:masters group in a ${b.kind}`, () => {
            const r = checkResource(policy, b.type, b.props);
            assert.strictEqual(r.violations.length, 1);
            assert.ok(r.violations[0].startsWith(`${b.label}: subjects[1] binds ClusterRole "view" to Group "system:masters"`), r.violations[0]);
            assert.match(r.violations[0], /bypass RBAC/);
        });
    }

    it("ignores a User named system:masters (the group is what bypasses RBAC)", () => {
        const [b] = everyBinding([{ kind: "User", name: "system:masters" }]);
        assert.deepStrictEqual(checkResource(policy, b.type, b.props).violations, []);
    });
});
