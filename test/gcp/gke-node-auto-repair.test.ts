import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeNodeAutoRepair } from "../../policies/gcp/gke-node-auto-repair";
import { assertDeferred, assertWrongType, checkCluster, checkPool, hardenedAutopilot, hardenedCluster, hardenedPool } from "./fixtures";

describe("gke-node-auto-repair", () => {
    it("passes true, and an absent management block: the provider defaults autoRepair to true (NodePoolManagement docs: 'Enabled by default')", () => {
        assert.deepStrictEqual(checkPool(gkeNodeAutoRepair, hardenedPool()).violations, []);
        assert.deepStrictEqual(checkPool(gkeNodeAutoRepair, { cluster: "c" }).violations, []);
        assert.deepStrictEqual(checkPool(gkeNodeAutoRepair, { cluster: "c", management: {} }).violations, []);
    });

    it("is not applicable to Autopilot, or to a cluster with no inline pools or auto-provisioning", () => {
        assert.match(checkCluster(gkeNodeAutoRepair, hardenedAutopilot()).notApplicable ?? "", /^Autopilot cluster/);
        assert.match(checkCluster(gkeNodeAutoRepair, hardenedCluster()).notApplicable ?? "", /removeDefaultNodePool/);
    });

    it("flags false on a NodePool, an inline pool and the auto-provisioning defaults", () => {
        assert.match(checkPool(gkeNodeAutoRepair, { ...hardenedPool(), management: { autoRepair: false } }, { name: "p" }).violations[0], /^NodePool "p": management\.autoRepair is false/);
        const inline: ClusterArgs = { ...hardenedCluster(), nodePools: [{ name: "a", management: { autoRepair: false } }] };
        assert.match(checkCluster(gkeNodeAutoRepair, inline).violations[0], /nodePools\[0\]\.management\.autoRepair is false on node pool "a"/);
        const nap: ClusterArgs = { ...hardenedCluster(), clusterAutoscaling: { enabled: true, autoProvisioningDefaults: { management: { autoRepair: false } } } };
        assert.match(checkCluster(gkeNodeAutoRepair, nap).violations[0], /clusterAutoscaling\.autoProvisioningDefaults\.management\.autoRepair is false/);
    });

    it("reads \"false\" as false, reports other wrong types, and defers an unknown value naming the field", () => {
        assertWrongType(checkPool(gkeNodeAutoRepair, { cluster: "c", management: { autoRepair: "no" as unknown as boolean } }), "management.autoRepair", "a boolean", 'string "no"', 'NodePool "test"');
        assert.strictEqual(checkPool(gkeNodeAutoRepair, { cluster: "c", management: { autoRepair: "false" as unknown as boolean } }).violations.length, 1);
        assertDeferred(checkPool(gkeNodeAutoRepair, { cluster: "c", management: { autoRepair: unknownValue<boolean>("bool") } }), "management.autoRepair", 'NodePool "test"');
    });
});
