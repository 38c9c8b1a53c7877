import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeIntranodeVisibility } from "../../policies/gcp/gke-intranode-visibility";
import { assertDeferred, assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-intranode-visibility", () => {
    it("passes true on Standard, and is advisory", () => {
        assert.deepStrictEqual(checkCluster(gkeIntranodeVisibility, hardenedCluster()).violations, []);
        assert.strictEqual(gkeIntranodeVisibility.enforcementLevel, "advisory");
    });

    it("is not applicable to Autopilot, which turns it on and whose provider arguments cannot set it", () => {
        assert.match(checkCluster(gkeIntranodeVisibility, hardenedAutopilot()).notApplicable ?? "", /^Autopilot cluster: intranode visibility is on by default/);
    });

    it("flags false and the absent field (off by default)", () => {
        assert.match(checkCluster(gkeIntranodeVisibility, { enableIntranodeVisibility: false }).violations[0], /enableIntranodeVisibility is false/);
        assert.match(checkCluster(gkeIntranodeVisibility, {}).violations[0], /is absent/);
    });

    it("reports a wrong type, and defers an unknown value naming the field", () => {
        assertWrongType(checkCluster(gkeIntranodeVisibility, { enableIntranodeVisibility: 1 as unknown as boolean }), "enableIntranodeVisibility", "a boolean", "number 1");
        assertDeferred(checkCluster(gkeIntranodeVisibility, { enableIntranodeVisibility: unknownValue<boolean>("bool") }), "enableIntranodeVisibility");
    });
});
