import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeGoogleGroupsRbac } from "../../policies/gcp/gke-google-groups-rbac";
import { checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-google-groups-rbac", () => {
    it("passes a security group on Standard and Autopilot", () => {
        assert.deepStrictEqual(checkCluster(gkeGoogleGroupsRbac, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeGoogleGroupsRbac, hardenedAutopilot()).violations, []);
    });

    it("flags the absent block and an empty group", () => {
        assert.match(checkCluster(gkeGoogleGroupsRbac, {}).violations[0], /authenticatorGroupsConfig\.securityGroup is absent/);
        assert.match(checkCluster(gkeGoogleGroupsRbac, { authenticatorGroupsConfig: { securityGroup: "" } }).violations[0], /is empty/);
    });

    it("treats a wrong type as absent, and leaves unknown values to the SDK", () => {
        assert.strictEqual(checkCluster(gkeGoogleGroupsRbac, { authenticatorGroupsConfig: { securityGroup: true as unknown as string } }).violations.length, 1);
        assert.ok(checkCluster(gkeGoogleGroupsRbac, { authenticatorGroupsConfig: { securityGroup: unknownValue<string>("string") } }).unknown);
    });
});
