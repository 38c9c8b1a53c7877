import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeMetadataServer } from "../../policies/gcp/gke-metadata-server";
import { checkStack } from "../harness";
import {
    assertDeferred,
    assertWrongType,
    checkCluster,
    checkPool,
    clusterType,
    clusterUrn,
    clusterWithDefaultPool,
    hardenedAutopilot,
    hardenedCluster,
    hardenedNodeConfig,
    hardenedPool,
    modelled,
    poolType,
    poolUrn,
    previewPair,
    problems,
} from "./fixtures";

const { workloadIdentityConfig: _wi, ...withoutIdentity } = hardenedCluster();
const { workloadMetadataConfig: _mode, ...unsetMode } = hardenedNodeConfig();
/** The pool of Pulumi's GKE template: no workloadMetadataConfig. */
const templatePool = { ...hardenedPool(), nodeConfig: unsetMode };

describe("gke-metadata-server", () => {
    it("passes GKE_METADATA on a NodePool and on a cluster's default pool", () => {
        assert.deepStrictEqual(checkPool(gkeMetadataServer, hardenedPool()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeMetadataServer, clusterWithDefaultPool()).violations, []);
    });

    it("passes an absent mode on a cluster with Workload Identity, whose pools default to GKE_METADATA", () => {
        assert.deepStrictEqual(checkCluster(gkeMetadataServer, clusterWithDefaultPool({})).violations, []);
        assert.deepStrictEqual(checkCluster(gkeMetadataServer, clusterWithDefaultPool({ workloadMetadataConfig: { mode: "MODE_UNSPECIFIED" } })).violations, []);
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

    it("flags an unset mode on a cluster's own pool when the cluster has no Workload Identity", () => {
        const { workloadIdentityConfig: _w, ...noWi } = clusterWithDefaultPool({});
        assert.deepStrictEqual(problems(checkCluster(gkeMetadataServer, noWi)), [
            'Cluster "test": nodeConfig.workloadMetadataConfig.mode is absent, and the cluster has no Workload Identity (workloadIdentityConfig.workloadPool), so nodes expose the Compute Engine metadata server to pods',
        ]);
    });

    it("leaves a NodePool's unset mode to the stack part, which reads its cluster", () => {
        assert.deepStrictEqual(checkPool(gkeMetadataServer, templatePool).violations, []);
        const stack = (cluster: object) => [
            { type: clusterType, name: "c", props: { ...cluster, name: "c" } },
            { type: poolType, name: "p", props: { ...templatePool, cluster: "c" } },
        ];
        assert.deepStrictEqual(checkStack(gkeMetadataServer, stack(hardenedCluster())).violations, []);
        assert.deepStrictEqual(problems(checkStack(gkeMetadataServer, stack(withoutIdentity))), [
            'NodePool "p": nodeConfig.workloadMetadataConfig.mode is not set to "GKE_METADATA", and Cluster "c" has no Workload Identity (workloadIdentityConfig.workloadPool), so no pool of it can run the GKE metadata server and pods reach the Compute Engine metadata server',
        ]);
    });

    it("of two clusters with one name (two locations), reads the one the pool's cluster was computed from", () => {
        const stack = (from: string) => [
            { type: clusterType, name: "eu", props: { ...hardenedCluster(), name: "primary", location: "europe-west1" } },
            { type: clusterType, name: "us", props: { ...withoutIdentity, name: "primary", location: "us-central1" } },
            { type: poolType, name: "p", props: { ...templatePool, cluster: "primary", location: "us-central1" }, propertyDependencies: { cluster: [clusterUrn(from)] } },
        ].map((r) => ({ ...r, urn: r.type === clusterType ? clusterUrn(r.name) : poolUrn(r.name) }));
        assert.match(problems(checkStack(gkeMetadataServer, stack("us")))[0] ?? "", /^NodePool "p": .*Cluster "us" has no Workload Identity/);
        assert.deepStrictEqual(checkStack(gkeMetadataServer, stack("eu")).violations, []);
    });

    it("links the pool to its cluster by property dependency in a first preview, on preview-shaped outputs", () => {
        const pass = checkStack(gkeMetadataServer, modelled("preview", previewPair(hardenedCluster(), templatePool)));
        assert.deepStrictEqual([pass.violations, pass.unknown], [[], undefined]);
        // An unset workloadIdentityConfig is Optional+Computed, so unknown in a preview; with no property dependency it
        // was not computed from anything, so GKE's default (no Workload Identity) decides now.
        const unset = checkStack(gkeMetadataServer, modelled("preview", previewPair(withoutIdentity, templatePool)));
        assert.deepStrictEqual([unset.violations.length, unset.unknown], [1, undefined]);
        // Computed from another resource: the verdict waits for `pulumi up`.
        const computed = modelled("preview", previewPair({ ...withoutIdentity, workloadIdentityConfig: unknownValue<never>("object") }, templatePool));
        computed[0].propertyDependencies = { workloadIdentityConfig: ["urn:pulumi:dev::app::gcp:organizations/project:Project::p"] };
        assertDeferred(checkStack(gkeMetadataServer, [{ type: "gcp:organizations/project:Project", name: "p", urn: "urn:pulumi:dev::app::gcp:organizations/project:Project::p", props: {} }, ...computed]), "workloadIdentityConfig", 'Cluster "c"');
    });

    it("gives the same verdicts on the outputs of `pulumi up` (state), where GKE filled the pool's mode", () => {
        const pair = (cluster: object) => modelled("up", [
            { type: clusterType, name: "c", props: cluster },
            { type: poolType, name: "p", props: { ...templatePool, cluster: "projects/acme-gke/locations/europe-west1/clusters/c" } },
        ]);
        const withIdentity = pair({ ...hardenedCluster(), name: "c" });
        assert.strictEqual((withIdentity[1].props as { nodeConfig: { workloadMetadataConfig: { mode: string } } }).nodeConfig.workloadMetadataConfig.mode, "GKE_METADATA");
        assert.deepStrictEqual(checkStack(gkeMetadataServer, withIdentity, { dryRun: false }).violations, []);
        assert.deepStrictEqual(checkPool(gkeMetadataServer, withIdentity[1].props as never, { dryRun: false }).violations, []);
        const noIdentity = pair({ ...withoutIdentity, name: "c" });
        assert.strictEqual(checkStack(gkeMetadataServer, noIdentity, { dryRun: false }).violations.length, 1);
    });

    it("flags a pool whose cluster is not in the stack unless its mode is explicit", () => {
        assert.match(checkStack(gkeMetadataServer, [{ type: poolType, name: "p", props: { ...templatePool, cluster: "elsewhere" } }]).violations[0].message, /is not set, and the cluster it belongs to is not in this stack/);
        assert.deepStrictEqual(checkStack(gkeMetadataServer, [{ type: poolType, name: "p", props: hardenedPool() }]).violations, []);
    });

    it("reports wrong types, and defers unknown values naming the field", () => {
        assertWrongType(checkPool(gkeMetadataServer, { cluster: "c", nodeConfig: "x" as never }), "nodeConfig", "an object", 'string "x"', 'NodePool "test"');
        assertWrongType(checkPool(gkeMetadataServer, { cluster: "c", nodeConfig: { workloadMetadataConfig: { mode: 1 as never } } }), "nodeConfig.workloadMetadataConfig.mode", "a string", "number 1", 'NodePool "test"');
        assertDeferred(checkPool(gkeMetadataServer, { cluster: "c", nodeConfig: { workloadMetadataConfig: { mode: unknownValue<string>("string") } } }), "nodeConfig.workloadMetadataConfig.mode", 'NodePool "test"');
        const wrongPool = checkStack(gkeMetadataServer, [
            { type: clusterType, name: "c", props: { name: "c", workloadIdentityConfig: { workloadPool: 3 } } },
            { type: poolType, name: "p", props: { cluster: "c" } },
        ]);
        assert.deepStrictEqual(problems(wrongPool), ['Cluster "c": workloadIdentityConfig.workloadPool has the wrong type: expected a string, found number 3']);
    });
});
