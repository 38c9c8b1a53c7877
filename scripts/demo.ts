// `npm run demo`: scans every example through the engine runner, one stack per file, and checks that
// each insecure example is caught and each hardened one is clean. Version support is judged on the tests'
// reference date, so the demo's verdict does not change as the calendar moves.
import * as path from "path";
import { readStacks } from "../cli/inputs";
import { renderText, scanStack } from "../cli/scan";
import { PolicyPackRunner } from "../engine/runner";
import { pinnedConfig, referenceDate } from "../test/reference-date";

async function main(): Promise<number> {
    const examples = path.resolve(__dirname, "..", "..", "examples");
    const stacks = readStacks([examples]);
    const runner = await PolicyPackRunner.start({ config: pinnedConfig() });
    const outcomes: string[] = [];
    let failures = 0;
    try {
        for (const stack of stacks) {
            const report = await scanStack(runner, { ...stack, source: path.relative(process.cwd(), stack.source) });
            console.log(`${renderText(report, { remediation: false })}\n`);
            const findings = report.counts.mandatory + report.counts.advisory;
            const expectClean = /hardened/.test(path.basename(stack.source));
            const ok = expectClean ? findings === 0 : findings > 0;
            if (!ok) failures++;
            outcomes.push(`${ok ? "ok  " : "FAIL"} ${report.source}: ${findings} finding(s), expected ${expectClean ? "none" : "some"}`);
        }
    } finally {
        await runner.stop();
    }
    console.log(`Demo: ${runner.info.policies.length} policies, ${stacks.length} examples, versions judged on ${referenceDate}\n${outcomes.join("\n")}`);
    return failures === 0 ? 0 : 1;
}

main().then(
    (code) => (process.exitCode = code),
    (e: Error) => {
        console.error(e.stack ?? e.message);
        process.exitCode = 2;
    },
);
