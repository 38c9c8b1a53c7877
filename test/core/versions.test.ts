import * as assert from "assert";
import { minorVersion, parseVersionConfig, supportStatus } from "../../policies/core";

const table = { "1.28": "2024-11-26", "1.29": "2025-03-23" };

describe("core/versions", () => {
    it("reads the minor version from provider version strings", () => {
        assert.strictEqual(minorVersion("1.29"), "1.29");
        assert.strictEqual(minorVersion("v1.29.3-gke.1093000"), "1.29");
        assert.strictEqual(minorVersion("1.30.2-eks-abc"), "1.30");
        assert.strictEqual(minorVersion("latest"), undefined);
        assert.strictEqual(minorVersion(1.29), undefined);
    });

    it("judges a version past its end of support, up to the last day inclusive", () => {
        assert.strictEqual(supportStatus("1.28", table, new Date("2024-11-26T12:00:00Z"))?.expired, false);
        assert.strictEqual(supportStatus("1.28.5", table, new Date("2024-11-27T00:00:01Z"))?.expired, true);
    });

    it("counts a version the table does not know as current", () => {
        assert.deepStrictEqual(supportStatus("1.99", table, new Date("2030-01-01")), { minor: "1.99", expired: false });
    });

    it("merges config overrides over the built-in table and honours referenceDate", () => {
        const config = parseVersionConfig({ supportTableOverrides: { "1.29": "2026-01-01" }, referenceDate: "2025-06-01" }, table);
        assert.strictEqual(supportStatus("1.29", config.table, config.referenceDate)?.expired, false);
        assert.strictEqual(supportStatus("1.28", config.table, config.referenceDate)?.expired, true);
    });
});
