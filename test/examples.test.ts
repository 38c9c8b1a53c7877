// What `npm run demo` shows, as a test: every insecure example is caught, every hardened one is clean
// across all policy families, through the compiled pack, judged on the pinned reference date.
import * as assert from "assert";
import * as path from "path";
import { readStacks } from "../cli/inputs";
import { scanStack } from "../cli/scan";
import { packDir, reportedPolicies, useRunner } from "./e2e";
import { pinnedConfig, referenceDate, versionPolicies } from "./reference-date";

const stacks = readStacks([path.join(packDir, "examples")]);
const nameOf = (source: string) => path.relative(packDir, source);
const hardened = stacks.filter((s) => /hardened/.test(nameOf(s.source)));

describe("examples (end to end, all policies)", () => {
    const runner = useRunner(pinnedConfig());

    it("covers every cloud and Kubernetes with an insecure and a hardened example", () => {
        for (const family of ["aws", "azure", "gcp", "kubernetes"]) {
            const names = stacks.map((s) => path.relative(path.join(packDir, "examples"), s.source)).filter((n) => n.startsWith(`${family}/`));
            assert.ok(names.some((n) => n.includes("hardened")) && names.some((n) => n.includes("insecure")), `${family}: ${names}`);
        }
    });

    for (const stack of stacks) {
        const name = nameOf(stack.source);
        if (hardened.includes(stack)) {
            it(`${name} is clean on ${referenceDate}`, async () => {
                const report = await scanStack(runner(), stack);
                assert.deepStrictEqual(report.resources.flatMap((r) => r.findings.map((f) => `${f.policy}: ${f.message}`)), []);
            });
        } else {
            it(`${name} has mandatory violations`, async () => {
                const report = await scanStack(runner(), stack);
                assert.ok(report.counts.mandatory > 0, `${report.counts.mandatory} mandatory`);
            });
        }
    }
});

describe("examples ten years ahead: only the version policies age", () => {
    const decadeLater = `${Number(referenceDate.slice(0, 4)) + 10}${referenceDate.slice(4)}`;
    const runner = useRunner(pinnedConfig(decadeLater));
    const versionPolicyNames = new Set<string>(versionPolicies);
    // The examples that pin versions; the others follow a release channel or hold no cluster.
    const expected: Record<string, string[]> = {
        [path.join("examples", "aws", "eks-hardened.json")]: ["eks-version-currency"],
        [path.join("examples", "azure", "aks-hardened.json")]: ["aks-node-version-supported", "aks-version-supported"],
    };

    for (const stack of hardened) {
        const name = nameOf(stack.source);
        it(`${name} on ${decadeLater}: ${expected[name] ? "version-currency findings only, saying the table may be stale" : "still clean"}`, async () => {
            const evaluation = await runner().evaluate(stack.inputs, stack.outputs);
            const reported = reportedPolicies(evaluation);
            assert.deepStrictEqual(reported.filter((n) => !versionPolicyNames.has(n)), []);
            assert.deepStrictEqual(reported, expected[name] ?? []);
            for (const d of evaluation.resources.flatMap((r) => r.result.diagnostics)) {
                assert.match(d.message, /may be stale: correct them with the supportTableOverrides config/, d.message);
            }
        });
    }
});

describe("examples judged on an impossible reference date", () => {
    const runner = useRunner(pinnedConfig("2026-02-30"));

    it("fail with an error that names the policy and the key, instead of never expiring", async () => {
        const eks = stacks.find((s) => nameOf(s.source) === path.join("examples", "aws", "eks-hardened.json"))!;
        await assert.rejects(runner().evaluate(eks.inputs), /invalid configuration for policy "eks-version-currency": referenceDate is "2026-02-30", which is not a real calendar date/);
    });
});
