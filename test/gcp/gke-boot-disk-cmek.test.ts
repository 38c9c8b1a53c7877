import type { NodePoolArgs } from "@pulumi/gcp/container/nodePool";
import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeBootDiskCmek } from "../../policies/gcp/gke-boot-disk-cmek";
import { assertDeferred, assertWrongType, bootKey, checkCluster, checkPool, clusterWithDefaultPool, hardenedAutopilot, hardenedCluster, hardenedPool } from "./fixtures";

describe("gke-boot-disk-cmek", () => {
    it("passes a key on a NodePool, a default pool and Autopilot's auto-provisioning defaults", () => {
        assert.deepStrictEqual(checkPool(gkeBootDiskCmek, hardenedPool()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeBootDiskCmek, clusterWithDefaultPool()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeBootDiskCmek, hardenedAutopilot()).violations, []);
    });

    it("is advisory by default and not applicable to a cluster whose default pool is removed", () => {
        assert.strictEqual(gkeBootDiskCmek.enforcementLevel, "advisory");
        assert.ok(checkCluster(gkeBootDiskCmek, hardenedCluster()).notApplicable);
    });

    it("flags an absent or empty key", () => {
        assert.match(checkPool(gkeBootDiskCmek, { cluster: "c" }).violations[0], /nodeConfig\.bootDiskKmsKey is absent, and boot disks then use Google-managed keys/);
        assert.match(checkPool(gkeBootDiskCmek, { cluster: "c", nodeConfig: { bootDiskKmsKey: "" } }).violations[0], /is empty/);
        const autopilot: ClusterArgs = { ...hardenedAutopilot(), clusterAutoscaling: undefined };
        assert.match(checkCluster(gkeBootDiskCmek, autopilot).violations[0], /clusterAutoscaling\.autoProvisioningDefaults\.bootDiskKmsKey is absent/);
    });

    it("flags a key outside the configured key rings", () => {
        const config = { allowedKeyPrefixes: ["projects/sec-kms/"] };
        assert.match(checkPool(gkeBootDiskCmek, hardenedPool(), { config }).violations[0], /outside the allowed key rings/);
        const allowed = { ...hardenedPool(), nodeConfig: { bootDiskKmsKey: "projects/sec-kms/locations/x/keyRings/r/cryptoKeys/k" } };
        assert.deepStrictEqual(checkPool(gkeBootDiskCmek, allowed, { config }).violations, []);
        assert.ok(bootKey.startsWith("projects/proj/"));
    });

    it("reports a wrong type; an unknown key is a key, deferred only when allowed key rings need its value", () => {
        assertWrongType(checkPool(gkeBootDiskCmek, { cluster: "c", nodeConfig: { bootDiskKmsKey: 3 as unknown as string } }), "nodeConfig.bootDiskKmsKey", "a string", "number 3", 'NodePool "test"');
        const computed: NodePoolArgs = { cluster: "c", nodeConfig: { bootDiskKmsKey: unknownValue<string>("string") } };
        const r = checkPool(gkeBootDiskCmek, computed);
        assert.deepStrictEqual([r.violations, r.unknown], [[], undefined]);
        assertDeferred(checkPool(gkeBootDiskCmek, computed, { config: { allowedKeyPrefixes: ["projects/sec/"] } }), "nodeConfig.bootDiskKmsKey", 'NodePool "test"');
    });
});
