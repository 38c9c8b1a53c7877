import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeNoLegacyAbac } from "../../policies/gcp/gke-no-legacy-abac";
import { checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-no-legacy-abac", () => {
    it("passes the hardened clusters and the absent field (off by default)", () => {
        assert.deepStrictEqual(checkCluster(gkeNoLegacyAbac, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeNoLegacyAbac, hardenedAutopilot()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeNoLegacyAbac, { enableLegacyAbac: false }).violations, []);
    });

    it("flags enableLegacyAbac: true", () => {
        assert.match(checkCluster(gkeNoLegacyAbac, { ...hardenedCluster(), enableLegacyAbac: true }).violations[0], /enableLegacyAbac is true/);
    });

    it("ignores wrong types, and leaves unknown values to the SDK", () => {
        assert.deepStrictEqual(checkCluster(gkeNoLegacyAbac, { enableLegacyAbac: {} as unknown as boolean }).violations, []);
        assert.ok(checkCluster(gkeNoLegacyAbac, { enableLegacyAbac: unknownValue<boolean>("bool") }).unknown);
    });
});
