import * as assert from "assert";
import type { SecretArgs } from "@pulumi/kubernetes/core/v1/secret";
import { unknownValue } from "../../../engine/wire";
import { k8sNoSaTokenSecrets as policy } from "../../../policies/kubernetes/rbac/k8s-no-sa-token-secrets";
import { types } from "../../fixtures/rbac";
import { checkResource } from "../../harness";

const tokenSecret: SecretArgs = {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: "ci-token", namespace: "ci", annotations: { "kubernetes.io/service-account.name": "deployer" } },
    type: "kubernetes.io/service-account-token",
};

describe("k8s-no-sa-token-secrets", () => {
    it("passes ordinary Secrets, and Secrets without a type", () => {
        assert.deepStrictEqual(checkResource(policy, types.secret, { ...tokenSecret, type: "Opaque" }).violations, []);
        assert.deepStrictEqual(checkResource(policy, types.secret, { metadata: { name: "x" }, stringData: { a: "b" } }).violations, []);
    });

    it("flags a service-account-token Secret, naming the ServiceAccount", () => {
        assert.deepStrictEqual(checkResource(policy, types.secret, tokenSecret).violations, [
            'Secret "ci/ci-token": type is "kubernetes.io/service-account-token", a long-lived token for ServiceAccount "deployer" that never expires. Fix: delete this Secret and use projected or TokenRequest tokens with an expiry instead',
        ]);
        assert.strictEqual(checkResource(policy, "kubernetes:core/v1:SecretPatch", { ...tokenSecret, metadata: { name: "ci-token" } }).violations.length, 1);
    });

    it("survives odd shapes and leaves unknowns to the SDK", () => {
        assert.deepStrictEqual(checkResource(policy, types.secret, { type: 42, metadata: "x" }).violations, []);
        assert.match(checkResource(policy, types.secret, { ...tokenSecret, type: unknownValue("string") }).unknown ?? "", /type/);
        assert.match(checkResource(policy, types.configMap, {}).notApplicable ?? "", /does not apply/);
    });

    it("honours the exemption annotation", () => {
        const exempt = { ...tokenSecret, metadata: { ...tokenSecret.metadata, annotations: { "exempt.clusterguard.io/k8s-no-sa-token-secrets": "legacy CI, ends Q3 (SEC-11)" } } };
        assert.match(checkResource(policy, types.secret, exempt).notApplicable ?? "", /SEC-11/);
    });
});
