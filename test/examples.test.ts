// What `npm run demo` shows, as a test: every insecure example is caught, every hardened one is clean
// across all policy families, through the compiled pack.
import * as assert from "assert";
import * as path from "path";
import { readStacks } from "../cli/inputs";
import { scanStack } from "../cli/scan";
import { packDir, useRunner } from "./e2e";

describe("examples (end to end, all policies)", () => {
    const runner = useRunner();
    const stacks = readStacks([path.join(packDir, "examples")]);

    it("covers every cloud and Kubernetes with an insecure and a hardened example", () => {
        for (const family of ["aws", "azure", "gcp", "kubernetes"]) {
            const names = stacks.map((s) => path.relative(path.join(packDir, "examples"), s.source)).filter((n) => n.startsWith(`${family}/`));
            assert.ok(names.some((n) => n.includes("hardened")) && names.some((n) => n.includes("insecure")), `${family}: ${names}`);
        }
    });

    for (const stack of stacks) {
        const name = path.relative(packDir, stack.source);
        if (/hardened/.test(name)) {
            it(`${name} is clean`, async () => {
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
