import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeIntranodeVisibility } from "../../policies/gcp/gke-intranode-visibility";
import { checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-intranode-visibility", () => {
    it("passes true on Standard and Autopilot, and is advisory", () => {
        assert.deepStrictEqual(checkCluster(gkeIntranodeVisibility, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeIntranodeVisibility, hardenedAutopilot()).violations, []);
        assert.strictEqual(gkeIntranodeVisibility.enforcementLevel, "advisory");
    });

    it("flags false and the absent field (off by default)", () => {
        assert.match(checkCluster(gkeIntranodeVisibility, { enableIntranodeVisibility: false }).violations[0], /enableIntranodeVisibility is false/);
        assert.match(checkCluster(gkeIntranodeVisibility, {}).violations[0], /is absent/);
    });

    it("treats a wrong type as absent, and leaves unknown values to the SDK", () => {
        assert.strictEqual(checkCluster(gkeIntranodeVisibility, { enableIntranodeVisibility: 1 as unknown as boolean }).violations.length, 1);
        assert.ok(checkCluster(gkeIntranodeVisibility, { enableIntranodeVisibility: unknownValue<boolean>("bool") }).unknown);
    });
});
