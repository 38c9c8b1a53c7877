import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeGoogleGroupsRbac } from "../../policies/gcp/gke-google-groups-rbac";
import { assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-google-groups-rbac", () => {
    it("passes a security group on Standard and Autopilot", () => {
        assert.deepStrictEqual(checkCluster(gkeGoogleGroupsRbac, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeGoogleGroupsRbac, hardenedAutopilot()).violations, []);
    });

    it("flags the absent block and an empty group", () => {
        assert.match(checkCluster(gkeGoogleGroupsRbac, {}).violations[0], /authenticatorGroupsConfig\.securityGroup is absent/);
        assert.match(checkCluster(gkeGoogleGroupsRbac, { authenticatorGroupsConfig: { securityGroup: "" } }).violations[0], /is empty/);
    });

    it("reports a wrong type; a group computed from another resource is configured", () => {
        assertWrongType(checkCluster(gkeGoogleGroupsRbac, { authenticatorGroupsConfig: { securityGroup: true as unknown as string } }), "authenticatorGroupsConfig.securityGroup", "a string", "boolean true");
        const r = checkCluster(gkeGoogleGroupsRbac, { authenticatorGroupsConfig: { securityGroup: unknownValue<string>("string") } });
        assert.deepStrictEqual([r.violations, r.unknown], [[], undefined]);
    });
});
