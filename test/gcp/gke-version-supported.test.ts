import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeVersionSupported } from "../../policies/gcp/gke-version-supported";
import { referenceDate } from "../reference-date";
import { checkStack } from "../harness";
import { assertDeferred, checkCluster, checkPool, clusterType, hardenedAutopilot, hardenedCluster, hardenedPool, modelled, poolType, previewPair, problems } from "./fixtures";

const at = (date: string, extra: Record<string, unknown> = {}) => ({ config: { referenceDate: date, ...extra } });
const pinned = at(referenceDate);
const poolOn = (version: unknown, options = pinned) => checkPool(gkeVersionSupported, { cluster: "c", version: version as string }, options).violations;

describe("gke-version-supported", () => {
    it("passes unpinned clusters and pools (the release channel manages versions)", () => {
        assert.deepStrictEqual(checkCluster(gkeVersionSupported, hardenedCluster(), pinned).violations, []);
        assert.deepStrictEqual(checkCluster(gkeVersionSupported, hardenedAutopilot(), pinned).violations, []);
        assert.deepStrictEqual(checkPool(gkeVersionSupported, hardenedPool(), pinned).violations, []);
    });

    it("passes supported versions, versions newer than the table and the aliases GKE accepts", () => {
        assert.deepStrictEqual(checkCluster(gkeVersionSupported, { minMasterVersion: "1.35.2-gke.1000", nodeVersion: "1.36" }, pinned).violations, []);
        for (const version of ["1.37.0-gke.1", "1.99.0-gke.1", "latest", "-"]) assert.deepStrictEqual(poolOn(version), [], version);
    });

    it("flags expired minMasterVersion, nodeVersion, inline pool and NodePool versions", () => {
        const r = checkCluster(gkeVersionSupported, { minMasterVersion: "1.29", nodeVersion: "1.28.3-gke.1", nodePools: [{ name: "a", version: "1.30.1" }] }, pinned);
        assert.deepStrictEqual(r.violations.map((v) => v.split(" ")[2]), ["minMasterVersion", "nodeVersion", "nodePools[0].version"]);
        assert.match(r.violations[0], /minMasterVersion is "1\.29": GKE standard support for 1\.29 ended on 2025-04-12\. Fix: upgrade to a supported minor version or remove the pin/);
        assert.strictEqual(poolOn("1.34.0").length, 1);
    });

    it("flags 1.22 and 1.24, which passed before, and versions older than the table", () => {
        assert.match(poolOn("1.22.17-gke.100")[0] ?? "", /version is "1\.22\.17-gke\.100": GKE standard support for 1\.22 ended on 2023-04-30/);
        assert.match(poolOn("1.24")[0] ?? "", /GKE standard support for 1\.24 ended on 2023-10-31/);
        assert.match(poolOn("1.19.9")[0] ?? "", /older than every version in the GKE standard support table: support for 1\.21, the oldest listed, ended on 2023-01-31/);
    });

    it("applies supportTableOverrides and referenceDate, and says when the table may be stale", () => {
        assert.deepStrictEqual(poolOn("1.31.0", at("2026-03-01", { supportTableOverrides: { "1.31": "2026-12-31" } })), []);
        assert.strictEqual(poolOn("1.32.0", at("2026-05-01")).length, 1);
        assert.deepStrictEqual(poolOn("1.32.0", at("2026-04-11")), []);
        assert.match(poolOn("1.36.1-gke.1", at("2036-11-30"))[0], /1\.36 ended on 2027-08-09 \(the built-in table was reviewed on 2026-11-30, more than 6 months before 2036-11-30, so its dates may be stale/);
        assert.throws(() => poolOn("1.36", at("2025-13-45")), /invalid configuration for policy "gke-version-supported": referenceDate is "2025-13-45"/);
    });

    it("flags values of the wrong type, skips absent ones, and leaves unknown values to the SDK", () => {
        const r = checkCluster(gkeVersionSupported, { minMasterVersion: "latest", nodeVersion: 1.2 as unknown as string }, pinned);
        assert.deepStrictEqual(r.violations, ['Cluster "test": nodeVersion has the wrong type: expected a version string such as "1.36", found number 1.2. Fix: set a version such as "1.36" or remove the pin']);
        assert.deepStrictEqual(checkCluster(gkeVersionSupported, { nodePools: [{ name: "a" }, "oops" as never] }, pinned).violations, []);
        assert.deepStrictEqual(poolOn(null), []);
        assert.ok(checkPool(gkeVersionSupported, { cluster: "c", version: unknownValue<string>("string") }, pinned).unknown);
    });

    it("defers an unknown version naming the field, while judging the other pins", () => {
        const r = checkCluster(gkeVersionSupported, { minMasterVersion: unknownValue<string>("string"), nodeVersion: "1.29" }, pinned);
        assert.match(r.unknown ?? "", /Cluster "test": minMasterVersion is computed/);
        assert.deepStrictEqual(problems(r).map((p) => p.split(":")[1].trim().split(" ")[0]), ["nodeVersion"]);
        assertDeferred(checkPool(gkeVersionSupported, { cluster: "c", version: unknownValue<string>("string") }, pinned), "version", 'NodePool "test"');
    });

    describe("stack part: a NodePool without a version runs its cluster's", () => {
        const expired = { ...hardenedCluster(), minMasterVersion: "1.29" };
        const unpinned = hardenedPool();
        const config = { referenceDate };

        it("flags the unpinned pool of a cluster pinned to an expired version, in a first preview and on inputs", () => {
            const preview = checkStack(gkeVersionSupported, modelled("preview", previewPair(expired, unpinned)), { config });
            assert.deepStrictEqual(problems(preview), ['NodePool "p": version is not pinned, so the pool runs Cluster "c"\'s minMasterVersion, which is "1.29": GKE standard support for 1.29 ended on 2025-04-12']);
            const inputs = [
                { type: clusterType, name: "c", props: { ...expired, name: "c" } },
                { type: poolType, name: "p", props: { ...unpinned, cluster: "c" } },
            ];
            assert.strictEqual(checkStack(gkeVersionSupported, inputs, { config }).violations.length, 1);
            assert.deepStrictEqual(checkStack(gkeVersionSupported, modelled("preview", previewPair(hardenedCluster(), unpinned)), { config }).violations, []);
        });

        it("gives the same verdict at pulumi up, where GKE reports the inherited version on the pool", () => {
            const up = modelled("up", [
                { type: clusterType, name: "c", props: { ...expired, name: "c" } },
                { type: poolType, name: "p", props: { ...unpinned, cluster: "c" } },
            ]);
            assert.strictEqual((up[1].props as { version: string }).version, "1.29.2-gke.1100000");
            assert.match(checkStack(gkeVersionSupported, up, { config, dryRun: false }).violations[0].message, /^NodePool "p": version is "1\.29\.2-gke\.1100000", so the pool runs Cluster "c"'s/);
        });

        it("leaves a pool's own pin to the pool", () => {
            const inputs = [
                { type: clusterType, name: "c", props: { ...expired, name: "c" } },
                { type: poolType, name: "p", props: { ...unpinned, cluster: "c", version: "1.36.1-gke.100" } },
            ];
            assert.deepStrictEqual(checkStack(gkeVersionSupported, inputs, { config }).violations, []);
        });
    });
});

