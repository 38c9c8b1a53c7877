import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeBinaryAuthorization } from "../../policies/gcp/gke-binary-authorization";
import { checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-binary-authorization", () => {
    it("passes PROJECT_SINGLETON_POLICY_ENFORCE on Standard and Autopilot, and the deprecated enabled: true", () => {
        assert.deepStrictEqual(checkCluster(gkeBinaryAuthorization, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeBinaryAuthorization, hardenedAutopilot()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeBinaryAuthorization, { binaryAuthorization: { enabled: true } }).violations, []);
    });

    it("is advisory by default", () => {
        assert.strictEqual(gkeBinaryAuthorization.enforcementLevel, "advisory");
    });

    it("flags DISABLED, also when the deprecated flag says enabled", () => {
        assert.match(checkCluster(gkeBinaryAuthorization, { binaryAuthorization: { evaluationMode: "DISABLED", enabled: true } }).violations[0], /evaluationMode is "DISABLED"/);
    });

    it("flags the absent block", () => {
        assert.match(checkCluster(gkeBinaryAuthorization, {}).violations[0], /is absent, and GKE then admits images without Binary Authorization/);
    });

    it("treats wrong types as absent, and leaves unknown values to the SDK", () => {
        assert.strictEqual(checkCluster(gkeBinaryAuthorization, { binaryAuthorization: { evaluationMode: 1 as unknown as string } }).violations.length, 1);
        assert.ok(checkCluster(gkeBinaryAuthorization, { binaryAuthorization: { evaluationMode: unknownValue<string>("string") } }).unknown);
    });
});
