import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeNoLegacyAbac } from "../../policies/gcp/gke-no-legacy-abac";
import { assertDeferred, assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-no-legacy-abac", () => {
    it("passes the hardened clusters and the absent field (off by default)", () => {
        assert.deepStrictEqual(checkCluster(gkeNoLegacyAbac, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeNoLegacyAbac, hardenedAutopilot()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeNoLegacyAbac, { enableLegacyAbac: false }).violations, []);
    });

    it("flags enableLegacyAbac: true", () => {
        assert.match(checkCluster(gkeNoLegacyAbac, { ...hardenedCluster(), enableLegacyAbac: true }).violations[0], /enableLegacyAbac is true/);
    });

    it("reports a wrong type, and defers an unknown value naming the field", () => {
        assertWrongType(checkCluster(gkeNoLegacyAbac, { enableLegacyAbac: {} as unknown as boolean }), "enableLegacyAbac", "a boolean", "object {}");
        assertDeferred(checkCluster(gkeNoLegacyAbac, { enableLegacyAbac: unknownValue<boolean>("bool") }), "enableLegacyAbac");
    });
});
