import * as assert from "assert";
import { eksSupportCalendar } from "../../policies/aws/eks-version-currency";
import { aksLongTermSupportEnd, aksSupportCalendar } from "../../policies/azure/aks-versions";
import { type SupportCalendar, compareMinor, describeCalendar, isStale, minorVersion, parseCalendarDate, parseVersionConfig, supportStatus, versionProblem } from "../../policies/core";
import { gkeSupportCalendar } from "../../policies/gcp/gke-support-table";
import { referenceDate } from "../reference-date";

const table = { "1.28": "2024-11-26", "1.29": "2025-03-23", "1.31": "2025-11-26" };
const calendar: SupportCalendar = { support: "Test standard support", reviewedOn: "2025-01-15", endOfSupport: table };
const on = (date: string) => new Date(`${date}T00:00:00Z`);
const config = (raw: Record<string, unknown>) => parseVersionConfig("eks-probe", raw, calendar);

describe("core/versions", () => {
    it("reads the minor version from provider version strings", () => {
        assert.strictEqual(minorVersion("1.29"), "1.29");
        assert.strictEqual(minorVersion("v1.29.3-gke.1093000"), "1.29");
        assert.strictEqual(minorVersion("1.30.2-eks-abc"), "1.30");
        assert.strictEqual(minorVersion("latest"), undefined);
        assert.strictEqual(minorVersion(1.29), undefined);
    });

    it("orders minor versions numerically", () => {
        assert.deepStrictEqual(["1.10", "1.9", "2.0", "1.29"].sort(compareMinor), ["1.9", "1.10", "1.29", "2.0"]);
    });

    it("accepts only real calendar dates", () => {
        assert.strictEqual(parseCalendarDate("2024-02-29")?.toISOString(), "2024-02-29T00:00:00.000Z");
        for (const impossible of ["2025-13-45", "2025-02-30", "2025-02-29", "2025-00-10", "2025-04-31", "2025-1-05", "25-01-05", "2025-01-05T00:00:00Z", ""]) {
            assert.strictEqual(parseCalendarDate(impossible), undefined, impossible);
        }
        for (const wrongType of [20250105, null, undefined, {}, ["2025-01-05"]]) assert.strictEqual(parseCalendarDate(wrongType), undefined);
    });

    describe("supportStatus", () => {
        it("judges a listed version past its end of support, up to the last day inclusive", () => {
            assert.strictEqual(supportStatus("1.28", table, new Date("2024-11-26T12:00:00Z"))?.expired, false);
            assert.strictEqual(supportStatus("1.28.5", table, new Date("2024-11-27T00:00:01Z"))?.expired, true);
        });

        it("counts a version older than the oldest entry as past support, whatever the date", () => {
            assert.deepStrictEqual(supportStatus("1.13", table, on("2000-01-01")), { minor: "1.13", endOfSupport: "2024-11-26", expired: true, olderThan: "1.28" });
            assert.strictEqual(supportStatus("1.9.3", table, on("2024-01-01"))?.expired, true);
            assert.strictEqual(supportStatus("0.99", table, on("2024-01-01"))?.expired, true);
        });

        it("counts a version newer than the newest entry, or missing between entries, as current", () => {
            assert.deepStrictEqual(supportStatus("1.99", table, on("2030-01-01")), { minor: "1.99", expired: false });
            assert.deepStrictEqual(supportStatus("1.30", table, on("2030-01-01")), { minor: "1.30", expired: false });
        });

        it("has no verdict for a value that is not a version, and an empty table knows nothing", () => {
            assert.strictEqual(supportStatus("latest", table, on("2030-01-01")), undefined);
            assert.strictEqual(supportStatus(undefined, table, on("2030-01-01")), undefined);
            assert.deepStrictEqual(supportStatus("1.2", {}, on("2030-01-01")), { minor: "1.2", expired: false });
        });
    });

    describe("parseVersionConfig", () => {
        it("merges overrides over the built-in table and honours referenceDate", () => {
            const parsed = config({ supportTableOverrides: { "1.29": "2026-01-01" }, referenceDate: "2025-06-01" });
            assert.strictEqual(supportStatus("1.29", parsed.calendar.endOfSupport, parsed.referenceDate)?.expired, false);
            assert.strictEqual(supportStatus("1.28", parsed.calendar.endOfSupport, parsed.referenceDate)?.expired, true);
            assert.deepStrictEqual([...parsed.overridden], ["1.29"]);
            assert.strictEqual(parsed.calendar.reviewedOn, "2025-01-15");
        });

        it("judges on today's date when referenceDate is absent", () => {
            const before = Date.now();
            const parsed = config({});
            assert.ok(parsed.referenceDate.getTime() >= before && parsed.referenceDate.getTime() <= Date.now());
        });

        it("rejects an impossible or wrong-typed referenceDate, naming the policy and the key", () => {
            for (const value of ["2025-13-45", "2025-02-30", "next week", 20250105, null]) {
                assert.throws(
                    () => config({ referenceDate: value }),
                    (e: Error) => e.name === "PolicyConfigError" && /^invalid configuration for policy "eks-probe": referenceDate is .*, which is not a real calendar date \(YYYY-MM-DD\)$/.test(e.message),
                    String(value),
                );
            }
        });

        it("rejects impossible dates, keys that are not minor versions and wrong types in supportTableOverrides", () => {
            assert.throws(() => config({ supportTableOverrides: { "1.30": "2025-02-30" } }), /policy "eks-probe": supportTableOverrides\["1\.30"\] is "2025-02-30", which is not a real calendar date/);
            assert.throws(() => config({ supportTableOverrides: { "1.30": 20250105 } }), /supportTableOverrides\["1\.30"\] is 20250105, which is not a real calendar date/);
            assert.throws(() => config({ supportTableOverrides: { latest: "2025-01-05" } }), /supportTableOverrides key "latest" is not a minor version such as "1\.30"/);
            assert.throws(() => config({ supportTableOverrides: ["1.30"] }), /supportTableOverrides has the wrong type: expected an object .*, found array/);
            assert.throws(() => config({ supportTableOverrides: "1.30=2025-01-05" }), /supportTableOverrides has the wrong type: expected an object .*, found string/);
        });
    });

    describe("staleness", () => {
        it("counts a table stale once the reference date is more than 6 months after its review", () => {
            assert.strictEqual(isStale(calendar, on("2025-07-15")), false);
            assert.strictEqual(isStale(calendar, on("2025-07-16")), true);
            assert.strictEqual(isStale(calendar, on("2024-01-01")), false);
        });
    });

    it("describes a table's span and review date for the remediation text and docs", () => {
        assert.strictEqual(
            describeCalendar(calendar),
            "The built-in table gives the end of Test standard support for 1.28 to 1.31 and was reviewed on 2025-01-15; a version older " +
                "than 1.28 is past support, one newer than 1.31 counts as current, and findings more than 6 months after the review say its dates may be stale.",
        );
    });

    describe("versionProblem", () => {
        const at = (date: string, overrides: Record<string, string> = {}) => config({ referenceDate: date, supportTableOverrides: overrides });

        it("passes current, newer and (where allowed) alias versions", () => {
            assert.strictEqual(versionProblem("1.31.2", at("2025-03-01")), undefined);
            assert.strictEqual(versionProblem("1.40", at("2025-03-01")), undefined);
            assert.strictEqual(versionProblem("latest", at("2025-03-01"), true), undefined);
        });

        it("names the support that ended and its date", () => {
            assert.deepStrictEqual(versionProblem("1.29.4", at("2025-06-01")), { problem: 'is "1.29.4": Test standard support for 1.29 ended on 2025-03-23', expired: true });
        });

        it("says a version older than the table is older than every listed version", () => {
            assert.deepStrictEqual(versionProblem("1.19", at("2025-03-01")), {
                problem: 'is "1.19", older than every version in the Test standard support table: support for 1.28, the oldest listed, ended on 2024-11-26',
                expired: true,
            });
        });

        it("warns that the built-in dates may be stale more than 6 months after the review, unless the date is overridden", () => {
            assert.match(versionProblem("1.29", at("2025-07-15"))?.problem ?? "", /^is "1\.29": Test standard support for 1\.29 ended on 2025-03-23$/);
            assert.strictEqual(
                versionProblem("1.31", at("2035-12-01"))?.problem,
                'is "1.31": Test standard support for 1.31 ended on 2025-11-26 (the built-in table was reviewed on 2025-01-15, more than 6 months ' +
                    "before 2035-12-01, so its dates may be stale: correct them with the supportTableOverrides config)",
            );
            assert.doesNotMatch(versionProblem("1.31", at("2035-12-01", { "1.31": "2030-01-01" }))?.problem ?? "", /stale/);
        });

        it("fails a value of the wrong type and a string that is not a version", () => {
            assert.deepStrictEqual(versionProblem(1.29, at("2025-03-01")), { problem: 'has the wrong type: expected a version string such as "1.36", found number 1.29', expired: false });
            assert.match(versionProblem(["1.29"], at("2025-03-01"))?.problem ?? "", /has the wrong type: .*found array/);
            assert.deepStrictEqual(versionProblem("latest", at("2025-03-01")), { problem: 'is "latest", which is not a Kubernetes version', expired: false });
        });
    });

    describe("built-in calendars", () => {
        const calendars: [string, SupportCalendar][] = [["EKS", eksSupportCalendar], ["AKS", aksSupportCalendar], ["GKE", gkeSupportCalendar]];
        for (const [cloud, builtIn] of calendars) {
            it(`${cloud}: contiguous minor versions, real dates in release order, reviewed by the test reference date`, () => {
                const versions = Object.keys(builtIn.endOfSupport);
                const [major, firstMinor] = versions[0].split(".").map(Number);
                assert.deepStrictEqual(versions, versions.map((_, i) => `${major}.${firstMinor + i}`));
                const dates = Object.values(builtIn.endOfSupport);
                for (const date of [...dates, builtIn.reviewedOn]) assert.ok(parseCalendarDate(date), `${cloud}: ${date}`);
                assert.deepStrictEqual([...dates].sort(), dates);
                assert.ok(!isStale(builtIn, parseCalendarDate(referenceDate)!), `${cloud} reviewed on ${builtIn.reviewedOn}`);
            });
        }

        it("AKS: long-term support ends after community support, for every version that has it", () => {
            for (const [minor, ltsEnd] of Object.entries(aksLongTermSupportEnd)) {
                assert.ok(parseCalendarDate(ltsEnd), ltsEnd);
                const community = aksSupportCalendar.endOfSupport[minor];
                assert.ok(community && community < ltsEnd, `${minor}: ${community} < ${ltsEnd}`);
            }
        });
    });
});
