import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeNoCloudPlatformScope } from "../../policies/gcp/gke-no-cloud-platform-scope";
import { checkStack } from "../harness";
import { assertDeferred, assertWrongType, checkCluster, checkPool, cloudPlatform, clusterWithDefaultPool, hardenedAutopilot, hardenedCluster, hardenedPool, modelled, poolType, problems } from "./fixtures";

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

    it("reports non-string scopes on the default account, and defers unknown scopes naming the field", () => {
        const r = checkPool(gkeNoCloudPlatformScope, { cluster: "c", nodeConfig: { oauthScopes: [1, "cloud-platform"] as never } });
        assert.deepStrictEqual(problems(r), ['NodePool "test": nodeConfig.oauthScopes[0] has the wrong type: expected a string, found number 1']);
        assertWrongType(checkPool(gkeNoCloudPlatformScope, { cluster: "c", nodeConfig: { oauthScopes: "cloud-platform" as never } }), "nodeConfig.oauthScopes", "an array", 'string "cloud-platform"', 'NodePool "test"');
        assertDeferred(checkPool(gkeNoCloudPlatformScope, { cluster: "c", nodeConfig: { oauthScopes: unknownValue<string[]>("array") } }), "nodeConfig.oauthScopes", 'NodePool "test"');
    });

    it("flags other broad scopes on the default account, by URL or gcloud alias: read-write compute, storage full control, and the like", () => {
        const scopes = [
            "https://www.googleapis.com/auth/compute",
            "https://www.googleapis.com/auth/devstorage.full_control",
            "storage-rw",
            "https://www.googleapis.com/auth/compute.readonly",
            "https://www.googleapis.com/auth/devstorage.read_only",
            "compute-rw",
            "https://www.googleapis.com/auth/iam",
        ];
        assert.deepStrictEqual(problems(checkPool(gkeNoCloudPlatformScope, { cluster: "c", nodeConfig: { serviceAccount: "default", oauthScopes: scopes } })), [
            'NodePool "test": nodeConfig.oauthScopes[0] is "https://www.googleapis.com/auth/compute" on the Compute Engine default service account, which grants read-write Compute Engine (instances, disks, firewalls)',
            'NodePool "test": nodeConfig.oauthScopes[1] is "https://www.googleapis.com/auth/devstorage.full_control" on the Compute Engine default service account, which grants full control of every Cloud Storage bucket',
            'NodePool "test": nodeConfig.oauthScopes[2] is "storage-rw" on the Compute Engine default service account, which grants read-write access to every Cloud Storage bucket',
            'NodePool "test": nodeConfig.oauthScopes[5] is "compute-rw" on the Compute Engine default service account, which grants read-write Compute Engine (instances, disks, firewalls)',
            'NodePool "test": nodeConfig.oauthScopes[6] is "https://www.googleapis.com/auth/iam" on the Compute Engine default service account, which grants the IAM API (service account keys and tokens)',
        ]);
        assert.deepStrictEqual(checkPool(gkeNoCloudPlatformScope, { cluster: "c", nodeConfig: { serviceAccount: "nodes@p.iam.gserviceaccount.com", oauthScopes: scopes } }).violations, []);
    });

    it("passes the scopes GKE fills in for the default account on state (logging.write, monitoring)", () => {
        const [state] = modelled("up", [{ type: poolType, name: "p", props: { cluster: "c" } }]);
        assert.deepStrictEqual(checkPool(gkeNoCloudPlatformScope, state.props as never, { dryRun: false }).violations, []);
    });

    it("stack part: an account computed from a gcp.serviceaccount.Account in a first preview is dedicated; one computed from anything else is deferred", () => {
        const account = "urn:pulumi:dev::app::gcp:serviceaccount/account:Account::nodes";
        const other = "urn:pulumi:dev::app::gcp:organizations/project:Project::p";
        const pool = (dependsOn: string, oauthScopes = [cloudPlatform]) => ({
            type: poolType,
            name: "p",
            props: { cluster: "c", nodeConfig: { serviceAccount: unknownValue<string>("string"), oauthScopes } },
            propertyDependencies: { nodeConfig: [dependsOn] },
        });
        const dedicated = checkStack(gkeNoCloudPlatformScope, [{ type: "gcp:serviceaccount/account:Account", name: "nodes", urn: account, props: {} }, pool(account)]);
        assert.deepStrictEqual([dedicated.violations, dedicated.unknown], [[], undefined]);
        const computed = checkStack(gkeNoCloudPlatformScope, [{ type: "gcp:organizations/project:Project", name: "p", urn: other, props: {} }, pool(other)]);
        assertDeferred(computed, "nodeConfig.serviceAccount", 'NodePool "p"');
        // With only narrow scopes the account does not matter to this policy.
        const narrow = checkStack(gkeNoCloudPlatformScope, [{ type: "gcp:organizations/project:Project", name: "p", urn: other, props: {} }, pool(other, ["logging-write"])]);
        assert.deepStrictEqual([narrow.violations, narrow.unknown], [[], undefined]);
        // Unset, so unknown only because the provider computes it: judged on the pool itself, not deferred.
        const unset = checkStack(gkeNoCloudPlatformScope, [{ type: poolType, name: "p", props: { cluster: "c", nodeConfig: { serviceAccount: unknownValue<string>("string") } } }]);
        assert.deepStrictEqual([unset.violations, unset.unknown], [[], undefined]);
    });
});

