import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeSecurityPosture } from "../../policies/gcp/gke-security-posture";
import { checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-security-posture", () => {
    it("passes BASIC, and the absent block (GKE enables BASIC), and is advisory", () => {
        assert.deepStrictEqual(checkCluster(gkeSecurityPosture, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeSecurityPosture, hardenedAutopilot()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeSecurityPosture, {}).violations, []);
        assert.strictEqual(gkeSecurityPosture.enforcementLevel, "advisory");
    });

    it("flags DISABLED", () => {
        assert.match(checkCluster(gkeSecurityPosture, { securityPostureConfig: { mode: "DISABLED" } }).violations[0], /securityPostureConfig\.mode is "DISABLED"/);
    });

    it("ignores wrong types, and leaves unknown values to the SDK", () => {
        assert.deepStrictEqual(checkCluster(gkeSecurityPosture, { securityPostureConfig: { mode: false as unknown as string } }).violations, []);
        assert.ok(checkCluster(gkeSecurityPosture, { securityPostureConfig: { mode: unknownValue<string>("string") } }).unknown);
    });
});
