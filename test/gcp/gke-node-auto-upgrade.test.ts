import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeNodeAutoUpgrade } from "../../policies/gcp/gke-node-auto-upgrade";
import { assertDeferred, assertWrongType, checkCluster, checkPool, hardenedAutopilot, hardenedCluster, hardenedPool } from "./fixtures";

describe("gke-node-auto-upgrade", () => {
    it("passes true, and an absent management block: the provider defaults autoUpgrade to true (NodePoolManagement docs: 'Enabled by default')", () => {
        assert.deepStrictEqual(checkPool(gkeNodeAutoUpgrade, hardenedPool()).violations, []);
        assert.deepStrictEqual(checkPool(gkeNodeAutoUpgrade, { cluster: "c" }).violations, []);
        assert.deepStrictEqual(checkPool(gkeNodeAutoUpgrade, { cluster: "c", management: {} }).violations, []);
    });

    it("is not applicable to Autopilot, or to a cluster with no inline pools or auto-provisioning", () => {
        assert.match(checkCluster(gkeNodeAutoUpgrade, hardenedAutopilot()).notApplicable ?? "", /^Autopilot cluster/);
        assert.match(checkCluster(gkeNodeAutoUpgrade, hardenedCluster()).notApplicable ?? "", /removeDefaultNodePool/);
    });

    it("flags false on a NodePool, an inline pool and the auto-provisioning defaults", () => {
        assert.match(checkPool(gkeNodeAutoUpgrade, { ...hardenedPool(), management: { autoUpgrade: false } }, { name: "p" }).violations[0], /^NodePool "p": management\.autoUpgrade is false/);
        const inline: ClusterArgs = { ...hardenedCluster(), nodePools: [{ name: "a", management: { autoUpgrade: false } }] };
        assert.match(checkCluster(gkeNodeAutoUpgrade, inline).violations[0], /nodePools\[0\]\.management\.autoUpgrade is false on node pool "a"/);
        const nap: ClusterArgs = { ...hardenedCluster(), clusterAutoscaling: { enabled: true, autoProvisioningDefaults: { management: { autoUpgrade: false } } } };
        assert.match(checkCluster(gkeNodeAutoUpgrade, nap).violations[0], /clusterAutoscaling\.autoProvisioningDefaults\.management\.autoUpgrade is false/);
    });

    it("reads \"false\" as false, reports other wrong types, and defers an unknown value naming the field", () => {
        assertWrongType(checkPool(gkeNodeAutoUpgrade, { cluster: "c", management: { autoUpgrade: "no" as unknown as boolean } }), "management.autoUpgrade", "a boolean", 'string "no"', 'NodePool "test"');
        assert.strictEqual(checkPool(gkeNodeAutoUpgrade, { cluster: "c", management: { autoUpgrade: "false" as unknown as boolean } }).violations.length, 1);
        assertDeferred(checkPool(gkeNodeAutoUpgrade, { cluster: "c", management: { autoUpgrade: unknownValue<boolean>("bool") } }), "management.autoUpgrade", 'NodePool "test"');
    });
});
