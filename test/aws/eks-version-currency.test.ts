import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksStandardSupportEnd, eksVersionCurrency } from "../../policies/aws/eks-version-currency";
import { checkResource } from "../harness";
import { cluster, types } from "./fixtures";

const on = (referenceDate: string, extra: Record<string, unknown> = {}) => ({ referenceDate, ...extra });
const check = (c: object, config: Record<string, unknown> = on("2026-11-01")) => checkResource(eksVersionCurrency, types.cluster, c, { name: "prod", config });

describe("eks-version-currency", () => {
    it("passes a version in standard support with supportType STANDARD", () => {
        assert.deepStrictEqual(check(cluster()).violations, []);
        assert.deepStrictEqual(check({ ...cluster(), version: "1.34" }).violations, []);
    });

    it("flags a version past the end of standard support, judged by the dated table", () => {
        const [v] = check({ ...cluster(), version: "1.32" }).violations;
        assert.strictEqual(
            v,
            'Cluster "prod": version is "1.32", whose EKS standard support ended on 2026-03-23. Fix: upgrade to a minor version in standard support, one minor version at a time',
        );
        // The last day of support still counts as supported.
        assert.deepStrictEqual(check({ ...cluster(), version: "1.34" }, on("2026-12-02")).violations, []);
        assert.match(check({ ...cluster(), version: "1.34" }, on("2026-12-03")).violations[0], /ended on 2026-12-02/);
    });

    it("keeps dates for every version from 1.20 to 1.35, in order", () => {
        const versions = Object.keys(eksStandardSupportEnd);
        assert.deepStrictEqual(versions, Array.from({ length: 16 }, (_, i) => `1.${20 + i}`));
        const dates = Object.values(eksStandardSupportEnd);
        assert.deepStrictEqual([...dates].sort(), dates);
    });

    it("counts a version the table does not know yet as current; absent means the latest", () => {
        assert.deepStrictEqual(check({ ...cluster(), version: "1.37" }).violations, []);
        const { version: _, ...latest } = cluster();
        assert.deepStrictEqual(check(latest).violations, []);
    });

    it("takes table overrides from config", () => {
        const r = check({ ...cluster(), version: "1.35" }, on("2026-11-01", { supportTableOverrides: { "1.35": "2026-10-01" } }));
        assert.match(r.violations[0], /ended on 2026-10-01/);
    });

    it("flags supportType EXTENDED and the absent field (EKS defaults to EXTENDED)", () => {
        assert.match(check({ ...cluster(), upgradePolicy: { supportType: "EXTENDED" } }).violations[0], /upgradePolicy\.supportType is "EXTENDED", which keeps the version alive/);
        const { upgradePolicy: _, ...plain } = cluster();
        assert.match(check(plain).violations[0], /upgradePolicy\.supportType is absent, and EKS then defaults to EXTENDED/);
        assert.deepStrictEqual(check(plain, on("2026-11-01", { requireStandardSupportType: false })).violations, []);
    });

    it("survives wrong types", () => {
        assert.match(check({ ...cluster(), version: "latest" }).violations[0], /version is "latest", which is not a Kubernetes version/);
        assert.match(check({ ...cluster(), version: 1.35 }).violations[0], /version is 1\.35, which is not a Kubernetes version/);
        assert.match(check({ ...cluster(), upgradePolicy: "STANDARD" }).violations[0], /supportType is absent/);
    });

    it("honours an exemption tag that names the policy and gives a reason", () => {
        const tagged = { ...cluster(), version: "1.29", tags: { "clusterguard-exempt-eks-version-currency": "vendor appliance pinned to 1.29 until 2027-01" } };
        const r = check(tagged);
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.notApplicable ?? "", /tag clusterguard-exempt-eks-version-currency: vendor appliance pinned/);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check({ ...cluster(), version: unknownValue<string>("string") });
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /version/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksVersionCurrency, types.nodeGroup, {}).notApplicable ?? "", /does not apply/);
    });
});
