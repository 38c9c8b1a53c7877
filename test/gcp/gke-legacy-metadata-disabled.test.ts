import type { NodePoolArgs } from "@pulumi/gcp/container/nodePool";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeLegacyMetadataDisabled } from "../../policies/gcp/gke-legacy-metadata-disabled";
import { assertDeferred, assertWrongType, checkCluster, checkPool, clusterWithDefaultPool, hardenedAutopilot, hardenedCluster, hardenedNodeConfig, hardenedPool } from "./fixtures";

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

    it("flags a boolean false, \"FALSE\" and other strings; reports wrong types; defers an unknown value", () => {
        const pool = (metadata: unknown): NodePoolArgs => ({ cluster: "c", nodeConfig: { metadata: metadata as Record<string, string> } });
        assert.match(checkPool(gkeLegacyMetadataDisabled, pool({ "disable-legacy-endpoints": false })).violations[0], /is false, which re-enables/);
        assert.match(checkPool(gkeLegacyMetadataDisabled, pool({ "disable-legacy-endpoints": "FALSE" })).violations[0], /is "FALSE", which re-enables/);
        assert.match(checkPool(gkeLegacyMetadataDisabled, pool({ "disable-legacy-endpoints": "yes" })).violations[0], /is "yes"; only "true" disables/);
        assertWrongType(checkPool(gkeLegacyMetadataDisabled, pool(["x"])), "nodeConfig.metadata", "an object", 'array ["x"]', 'NodePool "test"');
        assertWrongType(checkPool(gkeLegacyMetadataDisabled, pool({ "disable-legacy-endpoints": 0 })), 'nodeConfig.metadata["disable-legacy-endpoints"]', 'the string "true"', "number 0", 'NodePool "test"');
        assertDeferred(checkPool(gkeLegacyMetadataDisabled, pool({ "disable-legacy-endpoints": unknownValue<string>("string") })), 'nodeConfig.metadata.disable-legacy-endpoints', 'NodePool "test"');
    });
});
