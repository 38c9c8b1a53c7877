import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeMetadataServer } from "../../policies/gcp/gke-metadata-server";
import { checkCluster, checkPool, clusterWithDefaultPool, hardenedAutopilot, hardenedCluster, hardenedNodeConfig, hardenedPool } from "./fixtures";

describe("gke-metadata-server", () => {
    it("passes GKE_METADATA on a NodePool and on a cluster's default pool", () => {
        assert.deepStrictEqual(checkPool(gkeMetadataServer, hardenedPool()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeMetadataServer, clusterWithDefaultPool()).violations, []);
    });

    it("passes an absent mode on a cluster with Workload Identity, whose pools default to GKE_METADATA", () => {
        assert.deepStrictEqual(checkCluster(gkeMetadataServer, clusterWithDefaultPool({})).violations, []);
    });

    it("is not applicable to Autopilot, or to a cluster whose default pool is removed", () => {
        assert.match(checkCluster(gkeMetadataServer, hardenedAutopilot()).notApplicable ?? "", /^Autopilot cluster/);
        assert.match(checkCluster(gkeMetadataServer, hardenedCluster()).notApplicable ?? "", /removeDefaultNodePool is true.*NodePool resources are judged instead/);
    });

    it("flags GCE_METADATA on a NodePool, a default pool and an inline pool", () => {
        const gce = { ...hardenedNodeConfig(), workloadMetadataConfig: { mode: "GCE_METADATA" } };
        assert.match(checkPool(gkeMetadataServer, { ...hardenedPool(), nodeConfig: gce }, { name: "pool" }).violations[0], /^NodePool "pool": nodeConfig\.workloadMetadataConfig\.mode is "GCE_METADATA"/);
        assert.match(checkCluster(gkeMetadataServer, clusterWithDefaultPool(gce)).violations[0], /^Cluster "test": nodeConfig\.workloadMetadataConfig\.mode/);
        const inline = checkCluster(gkeMetadataServer, { ...hardenedCluster(), removeDefaultNodePool: false, nodePools: [{ name: "a", nodeConfig: gce }] });
        assert.match(inline.violations[0], /nodePools\[0\]\.nodeConfig\.workloadMetadataConfig\.mode is "GCE_METADATA" on node pool "a"/);
    });

    it("flags an absent mode on a NodePool, and on a cluster without Workload Identity", () => {
        assert.match(checkPool(gkeMetadataServer, { cluster: "c" }).violations[0], /is absent, and nodes then expose/);
        const { workloadIdentityConfig: _wi, ...noWi } = clusterWithDefaultPool({});
        assert.strictEqual(checkCluster(gkeMetadataServer, noWi).violations.length, 1);
    });

    it("treats wrong types as absent, and leaves unknown values to the SDK", () => {
        assert.strictEqual(checkPool(gkeMetadataServer, { cluster: "c", nodeConfig: "x" as never }).violations.length, 1);
        assert.ok(checkPool(gkeMetadataServer, { cluster: "c", nodeConfig: { workloadMetadataConfig: { mode: unknownValue<string>("string") } } }).unknown);
    });
});
