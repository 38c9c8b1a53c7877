import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksSupportCalendar, eksVersionCurrency } from "../../policies/aws/eks-version-currency";
import { checkResource } from "../harness";
import { referenceDate } from "../reference-date";
import { cluster, types } from "./fixtures";

const on = (date: string, extra: Record<string, unknown> = {}) => ({ referenceDate: date, ...extra });
const check = (c: object, config: Record<string, unknown> = on(referenceDate)) => checkResource(eksVersionCurrency, types.cluster, c, { name: "prod", config });
const withVersion = (version: unknown) => ({ ...cluster(), version });

describe("eks-version-currency", () => {
    it("passes versions in standard support with supportType STANDARD", () => {
        assert.deepStrictEqual(check(cluster()).violations, []);
        for (const version of ["1.34", "1.35.2", "1.36"]) assert.deepStrictEqual(check(withVersion(version)).violations, [], version);
    });

    it("flags a version past the end of standard support, judged by the dated table", () => {
        const [v] = check(withVersion("1.32")).violations;
        assert.strictEqual(
            v,
            'Cluster "prod": version is "1.32": EKS standard support for 1.32 ended on 2026-03-23. Fix: upgrade to a minor version in standard support, one minor version at a time',
        );
        // The last day of support still counts as supported.
        assert.deepStrictEqual(check(withVersion("1.34"), on("2026-12-02")).violations, []);
        assert.match(check(withVersion("1.34"), on("2026-12-03")).violations[0], /ended on 2026-12-02/);
    });

    it("flags versions older than the table, which passed before (1.13, 1.19)", () => {
        for (const version of ["1.13", "1.19.8"]) {
            assert.match(
                check(withVersion(version)).violations[0] ?? "",
                /version is "1\.1[39](\.8)?", older than every version in the EKS standard support table: support for 1\.20, the oldest listed, ended on 2022-11-01\. Fix: upgrade/,
                version,
            );
        }
    });

    it("keeps dates from 1.20 to 1.36, reviewed on the test reference date", () => {
        assert.deepStrictEqual(Object.keys(eksSupportCalendar.endOfSupport), Array.from({ length: 17 }, (_, i) => `1.${20 + i}`));
        assert.strictEqual(eksSupportCalendar.reviewedOn, referenceDate);
    });

    it("counts a version newer than the table as current; absent means the latest", () => {
        assert.deepStrictEqual(check(withVersion("1.37")).violations, []);
        const { version: _, ...latest } = cluster();
        assert.deepStrictEqual(check(latest).violations, []);
        assert.deepStrictEqual(check(withVersion(null)).violations, []);
    });

    it("takes table overrides from config", () => {
        const r = check(withVersion("1.35"), on(referenceDate, { supportTableOverrides: { "1.35": "2026-10-01" } }));
        assert.match(r.violations[0], /ended on 2026-10-01\. Fix/);
        assert.deepStrictEqual(check(withVersion("1.32"), on(referenceDate, { supportTableOverrides: { "1.32": "2027-01-01" } })).violations, []);
    });

    it("says the table may be stale when judged more than 6 months after its review, and how to override", () => {
        const [v] = check(withVersion("1.36"), on("2036-11-30")).violations;
        assert.match(v, /version is "1\.36": EKS standard support for 1\.36 ended on 2027-08-02 \(the built-in table was reviewed on 2026-11-30, more than 6 months before 2036-11-30, so its dates may be stale: correct them with the supportTableOverrides config\)/);
        assert.doesNotMatch(check(withVersion("1.32"), on("2027-05-30")).violations[0], /stale/);
        assert.match(check(withVersion("1.32"), on("2027-05-31")).violations[0], /may be stale/);
    });

    it("rejects an impossible referenceDate or override date with an error naming the key", () => {
        assert.throws(() => check(cluster(), on("2025-02-30")), /invalid configuration for policy "eks-version-currency": referenceDate is "2025-02-30", which is not a real calendar date/);
        assert.throws(() => check(cluster(), on("2025-13-45")), /referenceDate is "2025-13-45", which is not a real calendar date/);
        assert.throws(() => check(cluster(), on(referenceDate, { supportTableOverrides: { "1.36": "2027-02-29" } })), /supportTableOverrides\["1\.36"\] is "2027-02-29", which is not a real calendar date/);
    });

    it("flags supportType EXTENDED and the absent field (EKS defaults to EXTENDED)", () => {
        assert.match(check({ ...cluster(), upgradePolicy: { supportType: "EXTENDED" } }).violations[0], /upgradePolicy\.supportType is "EXTENDED", which keeps the version alive/);
        const { upgradePolicy: _, ...plain } = cluster();
        assert.match(check(plain).violations[0], /upgradePolicy\.supportType is absent, and EKS then defaults to EXTENDED/);
        assert.match(check({ ...cluster(), upgradePolicy: {} }).violations[0], /upgradePolicy\.supportType is absent/);
        assert.deepStrictEqual(check(plain, on(referenceDate, { requireStandardSupportType: false })).violations, []);
    });

    it("flags values of the wrong type with what was expected and found", () => {
        assert.match(check(withVersion(1.35)).violations[0], /version has the wrong type: expected a version string such as "1\.36", found number 1\.35\. Fix: set a minor version such as "1\.36"/);
        assert.match(check(withVersion(["1.35"])).violations[0], /version has the wrong type: .*found array \["1\.35"\]/);
        assert.match(check(withVersion("latest")).violations[0], /version is "latest", which is not a Kubernetes version/);
        assert.match(check({ ...cluster(), upgradePolicy: "STANDARD" }).violations[0], /upgradePolicy has the wrong type: expected an object such as \{ supportType: "STANDARD" \}, found string "STANDARD"/);
        assert.match(check({ ...cluster(), upgradePolicy: { supportType: true } }).violations[0], /upgradePolicy\.supportType has the wrong type: expected the string "STANDARD", found boolean true/);
    });

    it("honours an exemption tag that names the policy and gives a reason", () => {
        const tagged = { ...withVersion("1.29"), tags: { "clusterguard-exempt-eks-version-currency": "vendor appliance pinned to 1.29 until 2027-01" } };
        const r = check(tagged);
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.notApplicable ?? "", /tag clusterguard-exempt-eks-version-currency: vendor appliance pinned/);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check(withVersion(unknownValue<string>("string")));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /version/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksVersionCurrency, types.nodeGroup, {}).notApplicable ?? "", /does not apply/);
    });
});

describe("eks-version-currency inside @pulumi/eks", () => {
    it("names the eks.Cluster argument in the fix, and judges the support type even when the version is unknown", () => {
        const r = checkResource(eksVersionCurrency, "aws:eks/cluster:Cluster", { roleArn: "arn", vpcConfig: { subnetIds: ["s"] }, version: unknownValue("string") }, {
            urn: "urn:pulumi:dev::app::eks:index:Cluster$aws:eks/cluster:Cluster::c-eksCluster",
            parent: "urn:pulumi:dev::app::eks:index:Cluster::c",
            config: { referenceDate },
        });
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0], /upgradePolicy\.supportType is absent.*Fix: set upgradePolicy: \{ supportType: "STANDARD" \} on eks\.Cluster "c"$/);
        assert.match(r.unknown ?? "", /version is computed/);
    });
});
