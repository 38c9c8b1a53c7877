import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeWorkloadIdentity } from "../../policies/gcp/gke-workload-identity";
import { checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

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

    it("treats a wrong type as absent, and leaves unknown values to the SDK", () => {
        assert.strictEqual(checkCluster(gkeWorkloadIdentity, { workloadIdentityConfig: [] as never }).violations.length, 1);
        assert.ok(checkCluster(gkeWorkloadIdentity, { workloadIdentityConfig: { workloadPool: unknownValue<string>("string") } }).unknown);
    });
});
