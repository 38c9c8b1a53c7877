import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeSecurityPosture } from "../../policies/gcp/gke-security-posture";
import { assertDeferred, assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

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

    it("reports a wrong type, and defers an unknown value naming the field", () => {
        assertWrongType(checkCluster(gkeSecurityPosture, { securityPostureConfig: { mode: false as unknown as string } }), "securityPostureConfig.mode", "a string", "boolean false");
        assertDeferred(checkCluster(gkeSecurityPosture, { securityPostureConfig: { mode: unknownValue<string>("string") } }), "securityPostureConfig.mode");
    });
});
