import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeNoCloudPlatformScope } from "../../policies/gcp/gke-no-cloud-platform-scope";
import { checkCluster, checkPool, clusterWithDefaultPool, cloudPlatform, hardenedAutopilot, hardenedCluster, hardenedPool } from "./fixtures";

describe("gke-no-cloud-platform-scope", () => {
    it("passes cloud-platform with a dedicated account (hardened NodePool, Autopilot)", () => {
        assert.deepStrictEqual(checkPool(gkeNoCloudPlatformScope, hardenedPool()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeNoCloudPlatformScope, hardenedAutopilot()).violations, []);
    });

    it("passes the default account with narrow scopes or absent scopes", () => {
        assert.deepStrictEqual(checkPool(gkeNoCloudPlatformScope, { cluster: "c", nodeConfig: { oauthScopes: ["https://www.googleapis.com/auth/logging.write"] } }).violations, []);
        assert.deepStrictEqual(checkPool(gkeNoCloudPlatformScope, { cluster: "c" }).violations, []);
    });

    it("is not applicable to a cluster whose default pool is removed", () => {
        assert.ok(checkCluster(gkeNoCloudPlatformScope, hardenedCluster()).notApplicable);
    });

    it("flags cloud-platform on the default account: NodePool, default pool, Autopilot", () => {
        assert.match(checkPool(gkeNoCloudPlatformScope, { cluster: "c", nodeConfig: { oauthScopes: ["x", cloudPlatform] } }).violations[0], /nodeConfig\.oauthScopes\[1\] is ".*cloud-platform" on the Compute Engine default/);
        assert.strictEqual(checkCluster(gkeNoCloudPlatformScope, clusterWithDefaultPool({ oauthScopes: [cloudPlatform] })).violations.length, 1);
        const autopilot: ClusterArgs = { ...hardenedAutopilot(), clusterAutoscaling: { autoProvisioningDefaults: { oauthScopes: [cloudPlatform] } } };
        assert.match(checkCluster(gkeNoCloudPlatformScope, autopilot).violations[0], /clusterAutoscaling\.autoProvisioningDefaults\.oauthScopes\[0\]/);
    });

    it("skips non-string scopes, and leaves unknown values to the SDK", () => {
        assert.deepStrictEqual(checkPool(gkeNoCloudPlatformScope, { cluster: "c", nodeConfig: { oauthScopes: [1, {}] as never } }).violations, []);
        assert.ok(checkPool(gkeNoCloudPlatformScope, { cluster: "c", nodeConfig: { oauthScopes: unknownValue<string[]>("array") } }).unknown);
    });
});
