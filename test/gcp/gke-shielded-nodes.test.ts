import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeShieldedNodes } from "../../policies/gcp/gke-shielded-nodes";
import { assertDeferred, assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-shielded-nodes", () => {
    it("passes true and the absent field (the provider defaults enableShieldedNodes to true)", () => {
        assert.deepStrictEqual(checkCluster(gkeShieldedNodes, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeShieldedNodes, {}).violations, []);
    });

    it("is not applicable to Autopilot", () => {
        assert.match(checkCluster(gkeShieldedNodes, hardenedAutopilot()).notApplicable ?? "", /Autopilot cluster: Shielded GKE Nodes are always on/);
    });

    it("flags enableShieldedNodes: false", () => {
        assert.match(checkCluster(gkeShieldedNodes, { ...hardenedCluster(), enableShieldedNodes: false }).violations[0], /enableShieldedNodes is false/);
    });

    it("reports a wrong type, and defers an unknown value naming the field", () => {
        assertWrongType(checkCluster(gkeShieldedNodes, { enableShieldedNodes: 0 as unknown as boolean }), "enableShieldedNodes", "a boolean", "number 0");
        assertDeferred(checkCluster(gkeShieldedNodes, { enableShieldedNodes: unknownValue<boolean>("bool") }), "enableShieldedNodes");
    });
});
