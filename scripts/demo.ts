// `npm run demo`: scans every example through the engine runner, one stack per file, and checks that
// each insecure example is caught and each hardened one is clean. Version support is judged on the tests'
// reference date, so the demo's verdict does not change as the calendar moves.
import * as path from "path";
import { renderText } from "../cli/report/text";
import { buildScanReport } from "../cli/run";
import { PolicyPackRunner } from "../engine/runner";
import { pinnedConfig, referenceDate } from "../test/reference-date";

async function main(): Promise<number> {
    const examples = path.relative(process.cwd(), path.resolve(__dirname, "..", "..", "examples")) || ".";
    const runner = await PolicyPackRunner.start({ config: pinnedConfig() });
    const report = await buildScanReport(
        {
            paths: [examples],
            format: "text",
            perFile: true,
            update: false,
            failOn: "none",
            showExempt: false,
            remediation: false,
            strict: true,
            limits: {},
        },
        { runner },
    ).finally(() => runner.stop());
    console.log(renderText(report, { terminal: { color: false, width: 0 }, remediation: false, showExempt: false }));
    const outcomes: string[] = [];
    let failures = 0;
    for (const stack of report.stacks) {
        const findings = stack.counts.mandatory + stack.counts.advisory;
        const expectClean = /hardened/.test(path.basename(stack.source));
        const ok = expectClean ? findings === 0 : findings > 0;
        if (!ok) failures++;
        outcomes.push(`${ok ? "ok  " : "FAIL"} ${stack.source}: ${findings} finding(s), expected ${expectClean ? "none" : "some"}`);
    }
    console.log(`Demo: ${report.policies.length} policies, ${report.stacks.length} examples, versions judged on ${referenceDate}\n${outcomes.join("\n")}`);
    return failures === 0 && report.warnings.length === 0 ? 0 : 1;
}

main().then(
    (code) => (process.exitCode = code),
    (e: Error) => {
        console.error(e.stack ?? e.message);
        process.exitCode = 2;
    },
);
