import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeSecretsEncryption } from "../../policies/gcp/gke-secrets-encryption";
import { checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-secrets-encryption", () => {
    it("passes ENCRYPTED with a key, on Standard and Autopilot", () => {
        assert.deepStrictEqual(checkCluster(gkeSecretsEncryption, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeSecretsEncryption, hardenedAutopilot()).violations, []);
    });

    it("flags DECRYPTED, and ENCRYPTED without a key", () => {
        assert.match(checkCluster(gkeSecretsEncryption, { databaseEncryption: { state: "DECRYPTED" } }).violations[0], /databaseEncryption\.state is "DECRYPTED"/);
        assert.match(checkCluster(gkeSecretsEncryption, { databaseEncryption: { state: "ENCRYPTED" } }).violations[0], /databaseEncryption\.keyName is absent or empty/);
    });

    it("flags the absent block", () => {
        assert.match(checkCluster(gkeSecretsEncryption, {}, { name: "gke" }).violations[0], /^Cluster "gke": databaseEncryption\.state is absent, and GKE then protects Secrets/);
    });

    it("treats wrong types as absent, and leaves unknown values to the SDK", () => {
        assert.strictEqual(checkCluster(gkeSecretsEncryption, { databaseEncryption: { state: true as unknown as string } }).violations.length, 1);
        assert.ok(checkCluster(gkeSecretsEncryption, { databaseEncryption: { state: "ENCRYPTED", keyName: unknownValue<string>("string") } }).unknown);
    });
});
