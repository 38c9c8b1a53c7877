// cluster-guard frameworks: its Markdown is docs/FRAMEWORKS.md, and every reference a policy cites is a
// recommendation of the benchmark data (same framework, version, id and title).
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { frameworkCoverage } from "../../cli/frameworks";
import { benchmarks, citationsOf } from "../../policies/core";
import { policies } from "../../policies";

const root = path.resolve(__dirname, "..", "..", "..");
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(root, "bin", "cli", "main.js"), "frameworks", ...args], { encoding: "utf8" });

describe("cluster-guard frameworks", () => {
    it("--format markdown prints docs/FRAMEWORKS.md", () => {
        const run = cli("--format", "markdown");
        assert.strictEqual(run.status, 0, run.stderr);
        assert.strictEqual(run.stdout, fs.readFileSync(path.join(root, "docs", "FRAMEWORKS.md"), "utf8"));
    });

    it("--format json lists covered recommendations with their policies and uncovered ones, per benchmark", () => {
        const run = cli("--format", "json", "--framework", "cis-gke");
        assert.strictEqual(run.status, 0, run.stderr);
        const [gke] = JSON.parse(run.stdout) as ReturnType<typeof frameworkCoverage>;
        assert.strictEqual(gke.name, "CIS Google Kubernetes Engine (GKE) Benchmark");
        assert.deepStrictEqual(gke.recommendations.find((r) => r.id === "5.10.5")?.policies, ["gke-security-posture"]);
        assert.deepStrictEqual(gke.recommendations.find((r) => r.id === "5.6.6")?.policies, []);
        assert.strictEqual(gke.covered, gke.recommendations.filter((r) => r.policies.length > 0).length);
    });

    it("text names each benchmark with covered and not covered recommendations", () => {
        const run = cli();
        assert.strictEqual(run.status, 0, run.stderr);
        for (const b of benchmarks) assert.match(run.stdout, new RegExp(`^${b.name.replace(/[()/]/g, "\\$&")} ${b.version}: \\d+ of \\d+`, "m"));
        const gke = run.stdout.slice(run.stdout.indexOf("CIS Google Kubernetes Engine"));
        assert.ok(gke.indexOf("    5.6.6 Consider firewalling GKE worker nodes\n") > gke.indexOf("  Not covered:\n"));
    });

    it("rejects an unknown format or benchmark", () => {
        assert.strictEqual(cli("--format", "sarif").status, 2);
        assert.strictEqual(cli("--framework", "pci").status, 2);
    });
});

describe("framework citations", () => {
    for (const p of policies) {
        const citations = citationsOf(p);
        if (citations.length === 0) continue;
        it(`${p.name} cites only recommendations of the benchmark data`, () => {
            for (const c of citations) {
                const benchmark = benchmarks.find((b) => b.name === c.name && b.version === c.version);
                assert.ok(benchmark, `${c.name} ${c.version} is a known benchmark`);
                assert.ok(
                    benchmark.recommendations.some((r) => r.id === c.reference && r.title === c.specification),
                    `${c.name} ${c.reference} "${c.specification}" is in the benchmark data`,
                );
            }
            assert.strictEqual(new Set(citations.map((c) => `${c.name} ${c.reference} ${c.specification}`)).size, citations.length, "no duplicate citation");
        });
    }

    it("the issue's example: gke-security-posture is CIS GKE 5.10.5", () => {
        const p = policies.find((x) => x.name === "gke-security-posture")!;
        assert.deepStrictEqual([p.framework?.reference, p.framework?.specification], ["5.10.5", "Enable Security Posture"]);
    });
});
