import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import type { NodePoolArgs } from "@pulumi/gcp/container/nodePool";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkePrivateNodes } from "../../policies/gcp/gke-private-nodes";
import { checkResource } from "../harness";
import { checkCluster, hardenedAutopilot, hardenedCluster, hardenedPool } from "./fixtures";

const clusterType = "gcp:container/cluster:Cluster";
const poolType = "gcp:container/nodePool:NodePool";

describe("gke-private-nodes", () => {
    it("passes a cluster with private nodes", () => {
        const cluster: ClusterArgs = { privateClusterConfig: { enablePrivateNodes: true }, removeDefaultNodePool: true, initialNodeCount: 1 };
        assert.deepStrictEqual(checkResource(gkePrivateNodes, clusterType, cluster).violations, []);
    });

    it("passes a private Autopilot cluster", () => {
        const cluster: ClusterArgs = { enableAutopilot: true, privateClusterConfig: { enablePrivateNodes: true } };
        assert.deepStrictEqual(checkResource(gkePrivateNodes, clusterType, cluster).violations, []);
    });

    it("passes the hardened fixtures (Standard, NodePool with networkConfig.enablePrivateNodes, Autopilot with the DNS endpoint)", () => {
        assert.deepStrictEqual(checkCluster(gkePrivateNodes, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkResource(gkePrivateNodes, poolType, hardenedPool()).violations, []);
        assert.deepStrictEqual(checkCluster(gkePrivateNodes, hardenedAutopilot()).violations, []);
    });

    it("flags an absent privateClusterConfig, whose default is public nodes", () => {
        const r = checkResource(gkePrivateNodes, clusterType, {} satisfies ClusterArgs, { name: "gke" });
        assert.match(r.violations[0], /^Cluster "gke": privateClusterConfig\.enablePrivateNodes is absent/);
    });

    it("flags an Autopilot cluster without private nodes", () => {
        const { privateClusterConfig: _p, ...cluster } = hardenedAutopilot();
        assert.match(checkCluster(gkePrivateNodes, cluster).violations[0], /enablePrivateNodes is absent/);
    });

    it("flags a cluster that removes its default pool but leaves the cluster default public", () => {
        const cluster: ClusterArgs = { ...hardenedCluster(), privateClusterConfig: { enablePrivateEndpoint: false } };
        assert.strictEqual(checkCluster(gkePrivateNodes, cluster).violations.length, 1);
    });

    it("flags enablePrivateNodes: false", () => {
        const cluster: ClusterArgs = { privateClusterConfig: { enablePrivateNodes: false } };
        assert.match(checkResource(gkePrivateNodes, clusterType, cluster).violations[0], /is false/);
    });

    it("flags an inline node pool that overrides to public nodes", () => {
        const cluster: ClusterArgs = {
            privateClusterConfig: { enablePrivateNodes: true },
            nodePools: [{ name: "public", networkConfig: { enablePrivateNodes: false } }],
        };
        assert.match(checkResource(gkePrivateNodes, clusterType, cluster).violations[0], /nodePools\[0\]\.networkConfig\.enablePrivateNodes is false on node pool "public"/);
    });

    it("flags a NodePool resource that overrides to public nodes, and passes one that inherits", () => {
        const publicPool: NodePoolArgs = { cluster: "c", networkConfig: { enablePrivateNodes: false } };
        const inheriting: NodePoolArgs = { cluster: "c" };
        assert.strictEqual(checkResource(gkePrivateNodes, poolType, publicPool).violations.length, 1);
        assert.deepStrictEqual(checkResource(gkePrivateNodes, poolType, inheriting).violations, []);
    });

    it("treats a wrong type as absent, and leaves unknown values to the SDK", () => {
        const wrong = { privateClusterConfig: { enablePrivateNodes: "yes" } };
        assert.match(checkResource(gkePrivateNodes, clusterType, wrong).violations[0], /is absent/);
        const unknown: ClusterArgs = { privateClusterConfig: { enablePrivateNodes: unknownValue<boolean>("bool") } };
        const r = checkCluster(gkePrivateNodes, unknown);
        assert.ok(r.unknown);
        assert.deepStrictEqual(r.violations, []);
    });
});
