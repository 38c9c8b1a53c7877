import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeWorkloadIdentity } from "../../policies/gcp/gke-workload-identity";
import { assertDeferred, assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-workload-identity", () => {
    it("passes a cluster with a workload pool", () => {
        assert.deepStrictEqual(checkCluster(gkeWorkloadIdentity, hardenedCluster()).violations, []);
    });

    it("is not applicable to Autopilot, which always enables Workload Identity", () => {
        assert.match(checkCluster(gkeWorkloadIdentity, hardenedAutopilot()).notApplicable ?? "", /Autopilot cluster: GKE always enables Workload Identity/);
    });

    it("flags the absent block and an empty pool", () => {
        assert.match(checkCluster(gkeWorkloadIdentity, {}, { name: "gke" }).violations[0], /^Cluster "gke": workloadIdentityConfig\.workloadPool is absent/);
        assert.match(checkCluster(gkeWorkloadIdentity, { workloadIdentityConfig: { workloadPool: " " } }).violations[0], /is empty/);
    });

    it("reports a wrong type; a pool name computed from another resource is set", () => {
        assertWrongType(checkCluster(gkeWorkloadIdentity, { workloadIdentityConfig: [] as never }), "workloadIdentityConfig", "an object", "array []");
        assertWrongType(checkCluster(gkeWorkloadIdentity, { workloadIdentityConfig: { workloadPool: 7 as never } }), "workloadIdentityConfig.workloadPool", "a string", "number 7");
        const r = checkCluster(gkeWorkloadIdentity, { workloadIdentityConfig: { workloadPool: unknownValue<string>("string") } });
        assert.deepStrictEqual([r.violations, r.unknown], [[], undefined]);
        assertDeferred(checkCluster(gkeWorkloadIdentity, { workloadIdentityConfig: unknownValue<never>("object") }), "workloadIdentityConfig");
    });
});
