import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeSecureBoot } from "../../policies/gcp/gke-secure-boot";
import { checkCluster, checkPool, clusterWithDefaultPool, hardenedAutopilot, hardenedCluster, hardenedNodeConfig, hardenedPool } from "./fixtures";

describe("gke-secure-boot", () => {
    it("passes Secure Boot on a NodePool and on a default pool", () => {
        assert.deepStrictEqual(checkPool(gkeSecureBoot, hardenedPool()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeSecureBoot, clusterWithDefaultPool()).violations, []);
    });

    it("is not applicable to Autopilot, or to a cluster whose default pool is removed", () => {
        assert.ok(checkCluster(gkeSecureBoot, hardenedAutopilot()).notApplicable);
        assert.ok(checkCluster(gkeSecureBoot, hardenedCluster()).notApplicable);
    });

    it("flags false, and the absent field (Secure Boot is off by default)", () => {
        const off = { ...hardenedNodeConfig(), shieldedInstanceConfig: { enableSecureBoot: false } };
        assert.match(checkPool(gkeSecureBoot, { ...hardenedPool(), nodeConfig: off }).violations[0], /nodeConfig\.shieldedInstanceConfig\.enableSecureBoot is false/);
        assert.match(checkPool(gkeSecureBoot, { cluster: "c" }).violations[0], /is absent, and GKE then boots nodes without Secure Boot/);
        assert.strictEqual(checkCluster(gkeSecureBoot, clusterWithDefaultPool({})).violations.length, 1);
    });

    it("judges node auto-provisioning defaults", () => {
        const nap = { ...hardenedCluster(), clusterAutoscaling: { enabled: true, autoProvisioningDefaults: {} } };
        assert.match(checkCluster(gkeSecureBoot, nap).violations[0], /clusterAutoscaling\.autoProvisioningDefaults\.shieldedInstanceConfig\.enableSecureBoot is absent/);
    });

    it("treats a wrong type as absent, and leaves unknown values to the SDK", () => {
        assert.strictEqual(checkPool(gkeSecureBoot, { cluster: "c", nodeConfig: { shieldedInstanceConfig: { enableSecureBoot: "on" as unknown as boolean } } }).violations.length, 1);
        assert.ok(checkPool(gkeSecureBoot, { cluster: "c", nodeConfig: { shieldedInstanceConfig: { enableSecureBoot: unknownValue<boolean>("bool") } } }).unknown);
    });
});
