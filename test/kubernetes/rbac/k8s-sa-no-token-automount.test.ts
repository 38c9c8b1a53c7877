import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sSaNoTokenAutomount as policy } from "../../../policies/kubernetes/rbac/k8s-sa-no-token-automount";
import { serviceAccount, types } from "../../fixtures/rbac";
import { checkResource } from "../../harness";

describe("k8s-sa-no-token-automount", () => {
    it("passes a ServiceAccount with automountServiceAccountToken: false, and a patch that sets it", () => {
        assert.deepStrictEqual(checkResource(policy, types.serviceAccount, serviceAccount(false)).violations, []);
        assert.deepStrictEqual(checkResource(policy, types.serviceAccountPatch, serviceAccount(false, "default")).violations, []);
    });

    it("flags true", () => {
        const r = checkResource(policy, types.serviceAccount, serviceAccount(true));
        assert.deepStrictEqual(r.violations, [
            'ServiceAccount "shop/web": automountServiceAccountToken is true, so every pod using this ServiceAccount gets its API token unless the pod opts out. Fix: set automountServiceAccountToken: false, and true only in the pod specs that call the API',
        ]);
        assert.strictEqual(checkResource(policy, types.serviceAccountPatch, serviceAccount(true)).violations.length, 1);
    });

    it("flags the absent field (Kubernetes mounts by default), but not in a patch", () => {
        assert.match(checkResource(policy, types.serviceAccount, serviceAccount(undefined)).violations[0], /automountServiceAccountToken is absent, and Kubernetes then mounts the API token/);
        assert.deepStrictEqual(checkResource(policy, types.serviceAccountPatch, serviceAccount(undefined)).violations, []);
    });

    it("reads YAML string booleans and treats other types as absent", () => {
        assert.deepStrictEqual(checkResource(policy, types.serviceAccount, { ...serviceAccount(undefined), automountServiceAccountToken: "false" }).violations, []);
        assert.match(checkResource(policy, types.serviceAccount, { ...serviceAccount(undefined), automountServiceAccountToken: 0 }).violations[0], /is absent/);
        assert.strictEqual(checkResource(policy, types.serviceAccount, "nope" as unknown as object).violations.length, 1);
    });

    it("is not applicable to other kinds, and leaves unknowns to the SDK", () => {
        assert.match(checkResource(policy, types.secret, {}).notApplicable ?? "", /does not apply/);
        assert.match(checkResource(policy, types.serviceAccount, { ...serviceAccount(undefined), automountServiceAccountToken: unknownValue("bool") }).unknown ?? "", /automountServiceAccountToken/);
    });

    it("honours excludeNamespaces", () => {
        assert.match(checkResource(policy, types.serviceAccount, serviceAccount(true, "x", "kube-system"), { config: { excludeNamespaces: ["kube-*"] } }).notApplicable ?? "", /excludeNamespaces/);
    });
});
