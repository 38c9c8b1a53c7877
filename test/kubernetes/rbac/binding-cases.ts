// Tests every binding policy shares: safe bindings pass in every binding kind, odd shapes and unknowns are safe.
import * as assert from "assert";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { unknownValue } from "../../../engine/wire";
import { appAccount, clusterRoleBinding, roleBinding, type SubjectInput, types } from "../../fixtures/rbac";
import { checkResource } from "../../harness";

/** One binding of each kind (and Patch variant) with the given subjects and role. */
export function everyBinding(subjects: SubjectInput[], roleName = "web-reader") {
    const rb = roleBinding(subjects, { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName });
    const crb = clusterRoleBinding(subjects, roleName);
    return [
        { kind: "RoleBinding", type: types.roleBinding, props: rb, label: 'RoleBinding "shop/web-reader"' },
        { kind: "RoleBindingPatch", type: types.roleBindingPatch, props: rb, label: 'RoleBinding "shop/web-reader"' },
        { kind: "ClusterRoleBinding", type: types.clusterRoleBinding, props: crb, label: 'ClusterRoleBinding "web-reader"' },
        { kind: "ClusterRoleBindingPatch", type: types.clusterRoleBindingPatch, props: crb, label: 'ClusterRoleBinding "web-reader"' },
    ];
}

export function bindingBasics(policy: ResourceValidationPolicy, bad: { subjects: SubjectInput[]; role?: string }): void {
    for (const b of everyBinding([appAccount, { kind: "Group", name: "shop-developers", apiGroup: "rbac.authorization.k8s.io" }])) {
        it(`passes a least-privilege ${b.kind}`, () => {
            assert.deepStrictEqual(checkResource(policy, b.type, b.props).violations, []);
        });
    }

    it("is not applicable to other kinds", () => {
        assert.match(checkResource(policy, types.role, { metadata: { name: "x" } }).notApplicable ?? "", /does not apply/);
    });

    it("survives odd shapes: no subjects, subjects not a list, null entries, wrong types", () => {
        const odd: object[] = [{}, { subjects: "all" }, { subjects: [null, 1] }, { roleRef: "cluster-admin", subjects: [{ kind: 3, name: ["x"] }] }, { roleRef: { kind: "ClusterRole" } }];
        for (const props of odd) assert.deepStrictEqual(checkResource(policy, types.clusterRoleBinding, props).violations, [], JSON.stringify(props));
    });

    it("leaves unknown subjects to the SDK's preview handling", () => {
        const [b] = everyBinding(bad.subjects, bad.role);
        const r = checkResource(policy, b.type, { ...b.props, subjects: unknownValue("array") });
        assert.match(r.unknown ?? "", /subjects/);
        assert.deepStrictEqual(r.violations, []);
    });

    it("honours the exemption annotation and excludeNamespaces", () => {
        const [b] = everyBinding(bad.subjects, bad.role);
        const props = { ...b.props, metadata: { name: "x", namespace: "shop", annotations: { [`exempt.clusterguard.io/${policy.name}`]: "approved in SEC-9" } } };
        assert.match(checkResource(policy, b.type, props).notApplicable ?? "", /SEC-9/);
        assert.match(checkResource(policy, b.type, b.props, { config: { excludeNamespaces: ["shop"] } }).notApplicable ?? "", /excludeNamespaces/);
    });
}
