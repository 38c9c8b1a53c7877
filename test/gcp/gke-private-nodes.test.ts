import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import type { NodePoolArgs } from "@pulumi/gcp/container/nodePool";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkePrivateNodes } from "../../policies/gcp/gke-private-nodes";
import { checkResource, checkStack } from "../harness";
import { assertDeferred, assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster, hardenedPool, modelled, previewPair, problems } from "./fixtures";

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

    it("reports a wrong type, and defers an unknown value while judging the pools it knows", () => {
        assertWrongType(checkResource(gkePrivateNodes, clusterType, { privateClusterConfig: { enablePrivateNodes: "yes" } }), "privateClusterConfig.enablePrivateNodes", "a boolean", 'string "yes"');
        const unknown: ClusterArgs = { privateClusterConfig: { enablePrivateNodes: unknownValue<boolean>("bool") }, nodePools: [{ name: "a", networkConfig: { enablePrivateNodes: false } }] };
        const r = checkCluster(gkePrivateNodes, unknown);
        assert.match(r.unknown ?? "", /Cluster "test": privateClusterConfig\.enablePrivateNodes is computed/);
        assert.deepStrictEqual(problems(r), ['Cluster "test": nodePools[0].networkConfig.enablePrivateNodes is false on node pool "a"']);
    });

    describe("stack part: a NodePool without its own setting inherits its cluster's", () => {
        const inheriting: NodePoolArgs = { cluster: "c", nodeConfig: hardenedPool().nodeConfig };
        const publicCluster: ClusterArgs = { ...hardenedCluster(), privateClusterConfig: { enablePrivateNodes: false, enablePrivateEndpoint: true } };

        it("flags the inheriting pool of a public cluster, and passes it on a private one (inputs, linked by name)", () => {
            const stack = (cluster: ClusterArgs) => [
                { type: clusterType, name: "c", props: { ...cluster, name: "c" } },
                { type: poolType, name: "p", props: inheriting },
            ];
            assert.deepStrictEqual(checkStack(gkePrivateNodes, stack(hardenedCluster())).violations, []);
            assert.deepStrictEqual(problems(checkStack(gkePrivateNodes, stack(publicCluster))), [
                'NodePool "p": networkConfig.enablePrivateNodes is not set and Cluster "c" has public nodes (privateClusterConfig.enablePrivateNodes is false), so the pool\'s nodes get public IP addresses',
            ]);
        });

        it("links by property dependency in a first preview, and defers while the cluster's setting is computed", () => {
            assert.deepStrictEqual(checkStack(gkePrivateNodes, modelled("preview", previewPair(hardenedCluster(), inheriting))).violations, []);
            assert.strictEqual(checkStack(gkePrivateNodes, modelled("preview", previewPair(publicCluster, inheriting))).violations.length, 1);
            // Unset in the program (unknown in a preview, without a property dependency): GKE's default, public nodes.
            const { privateClusterConfig: _p, ...unset } = hardenedCluster();
            assert.match(checkStack(gkePrivateNodes, modelled("preview", previewPair(unset, inheriting))).violations[0].message, /privateClusterConfig\.enablePrivateNodes is absent/);
            const computed = modelled("preview", previewPair({ ...unset, privateClusterConfig: unknownValue<never>("object") }, inheriting));
            computed[0].propertyDependencies = { privateClusterConfig: ["urn:pulumi:dev::app::gcp:compute/subnetwork:Subnetwork::s"] };
            assertDeferred(checkStack(gkePrivateNodes, [{ type: "gcp:compute/subnetwork:Subnetwork", name: "s", urn: "urn:pulumi:dev::app::gcp:compute/subnetwork:Subnetwork::s", props: {} }, ...computed]), "privateClusterConfig", 'Cluster "c"');
        });

        it("gives the same verdict on the outputs of pulumi up, where GKE reports the derived setting on the pool", () => {
            const up = (cluster: ClusterArgs) => modelled("up", [
                { type: clusterType, name: "c", props: { ...cluster, name: "c" } },
                { type: poolType, name: "p", props: inheriting },
            ]);
            assert.deepStrictEqual(checkStack(gkePrivateNodes, up(hardenedCluster()), { dryRun: false }).violations, []);
            const pub = up(publicCluster);
            assert.strictEqual((pub[1].props as { networkConfig: { enablePrivateNodes: boolean } }).networkConfig.enablePrivateNodes, false);
            assert.match(checkStack(gkePrivateNodes, pub, { dryRun: false }).violations[0].message, /^NodePool "p": networkConfig\.enablePrivateNodes is false and Cluster "c" has public nodes/);
        });

        it("leaves a pool's own override (private or public) to the pool, and a pool whose cluster is not in the stack alone", () => {
            const overrides = [
                { type: clusterType, name: "c", props: { ...hardenedCluster(), name: "c" } },
                { type: poolType, name: "p", props: { cluster: "c", networkConfig: { enablePrivateNodes: false } } },
            ];
            assert.deepStrictEqual(checkStack(gkePrivateNodes, overrides).violations, []);
            assert.deepStrictEqual(checkStack(gkePrivateNodes, [{ type: poolType, name: "p", props: { cluster: "elsewhere" } }]).violations, []);
        });
    });
});

