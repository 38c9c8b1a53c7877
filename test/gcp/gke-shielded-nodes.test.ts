import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeShieldedNodes } from "../../policies/gcp/gke-shielded-nodes";
import { checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

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

    it("ignores wrong types, and leaves unknown values to the SDK", () => {
        assert.deepStrictEqual(checkCluster(gkeShieldedNodes, { enableShieldedNodes: 0 as unknown as boolean }).violations, []);
        assert.ok(checkCluster(gkeShieldedNodes, { enableShieldedNodes: unknownValue<boolean>("bool") }).unknown);
    });
});
