import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeNoDefaultServiceAccount } from "../../policies/gcp/gke-no-default-service-account";
import { checkStack } from "../harness";
import { assertDeferred, assertWrongType, checkCluster, checkPool, clusterType, clusterWithDefaultPool, hardenedAutopilot, hardenedCluster, hardenedNodeConfig, hardenedPool, modelled } from "./fixtures";

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

    it("reports a wrong type; leaves an account computed from another resource to the stack part", () => {
        assertWrongType(checkPool(gkeNoDefaultServiceAccount, { cluster: "c", nodeConfig: { serviceAccount: 5 as unknown as string } }), "nodeConfig.serviceAccount", "a string", "number 5", 'NodePool "test"');
        const r = checkPool(gkeNoDefaultServiceAccount, { cluster: "c", nodeConfig: { serviceAccount: unknownValue<string>("string") } });
        assert.deepStrictEqual([r.violations, r.unknown], [[], undefined]);
    });

    describe("stack part: a service account computed from another resource (unknown in a first preview)", () => {
        const accountUrn = "urn:pulumi:dev::app::gcp:serviceaccount/account:Account::nodes";
        const account = { type: "gcp:serviceaccount/account:Account", name: "nodes", urn: accountUrn, props: { email: unknownValue<string>("string") } };
        it("is dedicated when computed from a gcp.serviceaccount.Account: Autopilot defaults, a default pool, an inline pool", () => {
            const apCluster: ClusterArgs = { ...hardenedAutopilot(), clusterAutoscaling: { autoProvisioningDefaults: { serviceAccount: unknownValue<string>("string") } } };
            assert.deepStrictEqual(checkCluster(gkeNoDefaultServiceAccount, apCluster).violations, []);
            const resources = (props: object, property: string) => modelled("preview", [account, { type: clusterType, name: "c", props, propertyDependencies: { [property]: [accountUrn] } }]);
            for (const [props, property] of [
                [apCluster, "clusterAutoscaling"],
                [clusterWithDefaultPool({ ...hardenedNodeConfig(), serviceAccount: unknownValue<string>("string") }), "nodeConfig"],
                [{ ...hardenedCluster(), removeDefaultNodePool: false, nodePools: [{ name: "a", nodeConfig: { serviceAccount: unknownValue<string>("string") } }] }, "nodePools"],
            ] as const) {
                const r = checkStack(gkeNoDefaultServiceAccount, resources(props, property));
                assert.deepStrictEqual([r.violations, r.unknown], [[], undefined], property);
            }
        });

        it("is deferred, naming the field, when computed from anything else", () => {
            const projectUrn = "urn:pulumi:dev::app::gcp:organizations/project:Project::p";
            const cluster = clusterWithDefaultPool({ ...hardenedNodeConfig(), serviceAccount: unknownValue<string>("string") });
            const r = checkStack(gkeNoDefaultServiceAccount, [
                { type: "gcp:organizations/project:Project", name: "p", urn: projectUrn, props: {} },
                { type: clusterType, name: "c", props: cluster, propertyDependencies: { nodeConfig: [projectUrn] } },
            ]);
            assertDeferred(r, "nodeConfig.serviceAccount", 'Cluster "c"');
        });
    });
});

