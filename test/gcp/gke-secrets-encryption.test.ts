import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeSecretsEncryption } from "../../policies/gcp/gke-secrets-encryption";
import { assertDeferred, assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-secrets-encryption", () => {
    it("passes ENCRYPTED with a key, on Standard and Autopilot", () => {
        assert.deepStrictEqual(checkCluster(gkeSecretsEncryption, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeSecretsEncryption, hardenedAutopilot()).violations, []);
    });

    it("passes a key computed from another resource (unknown in a preview): only its presence matters", () => {
        const r = checkCluster(gkeSecretsEncryption, { databaseEncryption: { state: "ENCRYPTED", keyName: unknownValue<string>("string") } });
        assert.deepStrictEqual([r.violations, r.unknown], [[], undefined]);
    });

    it("flags DECRYPTED, and ENCRYPTED without a key or with an empty one", () => {
        assert.match(checkCluster(gkeSecretsEncryption, { databaseEncryption: { state: "DECRYPTED" } }).violations[0], /databaseEncryption\.state is "DECRYPTED"/);
        assert.match(checkCluster(gkeSecretsEncryption, { databaseEncryption: { state: "ENCRYPTED" } }).violations[0], /databaseEncryption\.keyName is absent/);
        assert.match(checkCluster(gkeSecretsEncryption, { databaseEncryption: { state: "ENCRYPTED", keyName: " " } }).violations[0], /databaseEncryption\.keyName is empty/);
    });

    it("flags the absent block", () => {
        assert.match(checkCluster(gkeSecretsEncryption, {}, { name: "gke" }).violations[0], /^Cluster "gke": databaseEncryption\.state is absent, and GKE then protects Secrets/);
    });

    it("reports wrong types, and defers an unknown state naming the field", () => {
        assertWrongType(checkCluster(gkeSecretsEncryption, { databaseEncryption: { state: true as unknown as string } }), "databaseEncryption.state", "a string", "boolean true");
        assertWrongType(checkCluster(gkeSecretsEncryption, { databaseEncryption: { state: "ENCRYPTED", keyName: 5 as never } }), "databaseEncryption.keyName", "a string", "number 5");
        assertDeferred(checkCluster(gkeSecretsEncryption, { databaseEncryption: { state: unknownValue<string>("string") } }), "databaseEncryption.state");
    });
});
