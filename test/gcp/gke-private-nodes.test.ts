import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import type { NodePoolArgs } from "@pulumi/gcp/container/nodePool";
import * as assert from "assert";
import { gkePrivateNodes } from "../../policies/gcp/gke-private-nodes";
import { checkResource } from "../harness";

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

    it("flags an absent privateClusterConfig, whose default is public nodes", () => {
        const r = checkResource(gkePrivateNodes, clusterType, {} satisfies ClusterArgs, { name: "gke" });
        assert.match(r.violations[0], /^Cluster "gke": privateClusterConfig\.enablePrivateNodes is absent/);
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
});
