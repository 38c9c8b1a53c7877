import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeNoDefaultServiceAccount } from "../../policies/gcp/gke-no-default-service-account";
import { checkCluster, checkPool, clusterWithDefaultPool, hardenedAutopilot, hardenedCluster, hardenedNodeConfig, hardenedPool } from "./fixtures";

describe("gke-no-default-service-account", () => {
    it("passes a dedicated account on a NodePool, a default pool and Autopilot's auto-provisioning defaults", () => {
        assert.deepStrictEqual(checkPool(gkeNoDefaultServiceAccount, hardenedPool()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeNoDefaultServiceAccount, clusterWithDefaultPool()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeNoDefaultServiceAccount, hardenedAutopilot()).violations, []);
    });

    it("is not applicable to a cluster whose default pool is removed", () => {
        assert.match(checkCluster(gkeNoDefaultServiceAccount, hardenedCluster()).notApplicable ?? "", /removeDefaultNodePool/);
    });

    it("flags an absent serviceAccount, which means the Compute Engine default", () => {
        assert.match(checkPool(gkeNoDefaultServiceAccount, { cluster: "c" }, { name: "p" }).violations[0], /^NodePool "p": nodeConfig\.serviceAccount is absent, and GKE then runs the nodes as the Compute Engine default/);
        assert.strictEqual(checkCluster(gkeNoDefaultServiceAccount, clusterWithDefaultPool(undefined)).violations.length, 0);
        assert.strictEqual(checkCluster(gkeNoDefaultServiceAccount, { ...clusterWithDefaultPool(), nodeConfig: {} }).violations.length, 1);
    });

    it("flags \"default\" and the PROJECT_NUMBER-compute account", () => {
        for (const account of ["default", "123456789-compute@developer.gserviceaccount.com"]) {
            const r = checkPool(gkeNoDefaultServiceAccount, { ...hardenedPool(), nodeConfig: { ...hardenedNodeConfig(), serviceAccount: account } });
            assert.match(r.violations[0], /the Compute Engine default service account/, account);
        }
    });

    it("flags Autopilot and node auto-provisioning without a dedicated account", () => {
        const autopilot: ClusterArgs = { ...hardenedAutopilot(), clusterAutoscaling: {} };
        assert.match(checkCluster(gkeNoDefaultServiceAccount, autopilot).violations[0], /^Cluster "test": clusterAutoscaling\.autoProvisioningDefaults\.serviceAccount is absent/);
        const nap: ClusterArgs = { ...hardenedCluster(), clusterAutoscaling: { enabled: true, autoProvisioningDefaults: { serviceAccount: "default" } } };
        assert.strictEqual(checkCluster(gkeNoDefaultServiceAccount, nap).violations.length, 1);
    });

    it("treats a wrong type as the default account, and leaves unknown values to the SDK", () => {
        assert.strictEqual(checkPool(gkeNoDefaultServiceAccount, { cluster: "c", nodeConfig: { serviceAccount: 5 as unknown as string } }).violations.length, 1);
        assert.ok(checkPool(gkeNoDefaultServiceAccount, { cluster: "c", nodeConfig: { serviceAccount: unknownValue<string>("string") } }).unknown);
    });
});
