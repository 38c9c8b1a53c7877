import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeVersionSupported } from "../../policies/gcp/gke-version-supported";
import { checkCluster, checkPool, hardenedAutopilot, hardenedCluster, hardenedPool } from "./fixtures";

const asOf = { referenceDate: "2026-03-01" };

describe("gke-version-supported", () => {
    it("passes unpinned clusters and pools (the release channel manages versions)", () => {
        assert.deepStrictEqual(checkCluster(gkeVersionSupported, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeVersionSupported, hardenedAutopilot()).violations, []);
        assert.deepStrictEqual(checkPool(gkeVersionSupported, hardenedPool()).violations, []);
    });

    it("passes supported versions and versions the table does not know", () => {
        assert.deepStrictEqual(checkCluster(gkeVersionSupported, { minMasterVersion: "1.32.2-gke.1000" }, { config: asOf }).violations, []);
        assert.deepStrictEqual(checkPool(gkeVersionSupported, { cluster: "c", version: "1.99.0-gke.1" }, { config: asOf }).violations, []);
    });

    it("flags expired minMasterVersion, nodeVersion, inline pool and NodePool versions", () => {
        const r = checkCluster(gkeVersionSupported, { minMasterVersion: "1.29", nodeVersion: "1.28.3-gke.1", nodePools: [{ name: "a", version: "1.30.1" }] }, { config: asOf });
        assert.deepStrictEqual(r.violations.map((v) => v.split(" ")[2]), ["minMasterVersion", "nodeVersion", "nodePools[0].version"]);
        assert.match(r.violations[0], /is "1\.29": GKE 1\.29 left standard support after 2025-04-12/);
        assert.strictEqual(checkPool(gkeVersionSupported, { cluster: "c", version: "1.31.0" }, { config: asOf }).violations.length, 1);
    });

    it("applies supportTableOverrides and referenceDate", () => {
        const config = { referenceDate: "2026-03-01", supportTableOverrides: { "1.31": "2026-12-31" } };
        assert.deepStrictEqual(checkPool(gkeVersionSupported, { cluster: "c", version: "1.31.0" }, { config }).violations, []);
        assert.strictEqual(checkPool(gkeVersionSupported, { cluster: "c", version: "1.32.0" }, { config: { referenceDate: "2026-05-01" } }).violations.length, 1);
    });

    it("ignores non-version strings and wrong types, and leaves unknown values to the SDK", () => {
        assert.deepStrictEqual(checkCluster(gkeVersionSupported, { minMasterVersion: "latest", nodeVersion: 1.2 as unknown as string }, { config: asOf }).violations, []);
        assert.ok(checkPool(gkeVersionSupported, { cluster: "c", version: unknownValue<string>("string") }).unknown);
    });
});
