import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeLegacyMetadataDisabled } from "../../policies/gcp/gke-legacy-metadata-disabled";
import { checkCluster, checkPool, clusterWithDefaultPool, hardenedAutopilot, hardenedCluster, hardenedNodeConfig, hardenedPool } from "./fixtures";

describe("gke-legacy-metadata-disabled", () => {
    it("passes \"true\" and an absent key (GKE disables the endpoints by default)", () => {
        assert.deepStrictEqual(checkPool(gkeLegacyMetadataDisabled, hardenedPool()).violations, []);
        assert.deepStrictEqual(checkPool(gkeLegacyMetadataDisabled, { cluster: "c", nodeConfig: { metadata: {} } }).violations, []);
        assert.deepStrictEqual(checkCluster(gkeLegacyMetadataDisabled, clusterWithDefaultPool({})).violations, []);
    });

    it("is not applicable to Autopilot, or to a cluster whose default pool is removed", () => {
        assert.ok(checkCluster(gkeLegacyMetadataDisabled, hardenedAutopilot()).notApplicable);
        assert.match(checkCluster(gkeLegacyMetadataDisabled, hardenedCluster()).notApplicable ?? "", /removeDefaultNodePool/);
    });

    it("flags \"false\" on a NodePool and on the cluster's default pool", () => {
        const open = { ...hardenedNodeConfig(), metadata: { "disable-legacy-endpoints": "false" } };
        assert.match(checkPool(gkeLegacyMetadataDisabled, { ...hardenedPool(), nodeConfig: open }).violations[0], /nodeConfig\.metadata\["disable-legacy-endpoints"\] is "false"/);
        assert.strictEqual(checkCluster(gkeLegacyMetadataDisabled, clusterWithDefaultPool(open)).violations.length, 1);
    });

    it("flags a boolean false and \"FALSE\", ignores a non-object metadata, and leaves unknown values to the SDK", () => {
        assert.strictEqual(checkPool(gkeLegacyMetadataDisabled, { cluster: "c", nodeConfig: { metadata: { "disable-legacy-endpoints": false as unknown as string } } }).violations.length, 1);
        assert.strictEqual(checkPool(gkeLegacyMetadataDisabled, { cluster: "c", nodeConfig: { metadata: { "disable-legacy-endpoints": "FALSE" } } }).violations.length, 1);
        assert.deepStrictEqual(checkPool(gkeLegacyMetadataDisabled, { cluster: "c", nodeConfig: { metadata: ["x"] as never } }).violations, []);
        assert.ok(checkPool(gkeLegacyMetadataDisabled, { cluster: "c", nodeConfig: { metadata: { "disable-legacy-endpoints": unknownValue<string>("string") } } }).unknown);
    });
});
