import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeIntegrityMonitoring } from "../../policies/gcp/gke-integrity-monitoring";
import { assertDeferred, assertWrongType, checkCluster, checkPool, clusterWithDefaultPool, hardenedAutopilot, hardenedCluster, hardenedNodeConfig, hardenedPool } from "./fixtures";

describe("gke-integrity-monitoring", () => {
    it("passes true and the absent field (integrity monitoring is on by default)", () => {
        assert.deepStrictEqual(checkPool(gkeIntegrityMonitoring, hardenedPool()).violations, []);
        assert.deepStrictEqual(checkPool(gkeIntegrityMonitoring, { cluster: "c" }).violations, []);
        assert.deepStrictEqual(checkCluster(gkeIntegrityMonitoring, clusterWithDefaultPool({})).violations, []);
    });

    it("is not applicable to Autopilot, or to a cluster whose default pool is removed", () => {
        assert.ok(checkCluster(gkeIntegrityMonitoring, hardenedAutopilot()).notApplicable);
        assert.ok(checkCluster(gkeIntegrityMonitoring, hardenedCluster()).notApplicable);
    });

    it("flags false on a NodePool and a default pool", () => {
        const off = { ...hardenedNodeConfig(), shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: false } };
        assert.match(checkPool(gkeIntegrityMonitoring, { ...hardenedPool(), nodeConfig: off }).violations[0], /enableIntegrityMonitoring is false/);
        assert.strictEqual(checkCluster(gkeIntegrityMonitoring, clusterWithDefaultPool(off)).violations.length, 1);
    });

    it("reports wrong types, and defers an unknown value naming the field", () => {
        assertWrongType(checkPool(gkeIntegrityMonitoring, { cluster: "c", nodeConfig: { shieldedInstanceConfig: [] as never } }), "nodeConfig.shieldedInstanceConfig", "an object", "array []", 'NodePool "test"');
        assertWrongType(checkPool(gkeIntegrityMonitoring, { cluster: "c", nodeConfig: { shieldedInstanceConfig: { enableIntegrityMonitoring: 0 as unknown as boolean } } }), "nodeConfig.shieldedInstanceConfig.enableIntegrityMonitoring", "a boolean", "number 0", 'NodePool "test"');
        const unknown = { shieldedInstanceConfig: { enableIntegrityMonitoring: unknownValue<boolean>("bool") } };
        assertDeferred(checkPool(gkeIntegrityMonitoring, { cluster: "c", nodeConfig: unknown }), "nodeConfig.shieldedInstanceConfig.enableIntegrityMonitoring", 'NodePool "test"');
    });
});
