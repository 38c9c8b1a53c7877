// Replays one reproducer file through a fresh engine runner and says whether the finding still happens.
import type { AnalyzeResult, PolicyPackRunner, ResourceInput } from "../../engine/runner";
import { classifyAnalyze, classifyError, classifyRemediate, findingClasses, type Outcome } from "./classify";
import { readReproducer, type ReproducerFile } from "./reproducer";
import { SupervisedRunner } from "./supervisor";
import { addedViolations } from "./unknown-rule";

async function send(runner: SupervisedRunner, call: ReproducerFile["call"], input: ResourceInput[]) {
    const invoke = (r: PolicyPackRunner): Promise<AnalyzeResult | Awaited<ReturnType<PolicyPackRunner["remediate"]>>> =>
        call === "analyze" ? r.analyze(input[0]) : call === "analyzeStack" ? r.analyzeStack(input) : r.remediate(input[0]);
    return runner.call(invoke);
}

/** Exit code 1 when the finding reproduces, 0 when it does not. */
export async function replay(file: string, packDir: string): Promise<number> {
    const reproducer = readReproducer(file);
    console.log(`replaying ${reproducer.call} ${reproducer.case} (seed ${reproducer.seed}): ${reproducer.resource}\n  mutation: ${reproducer.mutation}`);
    const runner = new SupervisedRunner({ packDir, config: reproducer.config }, 120_000);
    try {
        await runner.start();
        const call = await send(runner, reproducer.call, reproducer.input);
        let outcome: Outcome;
        if (call.hung || call.died) outcome = { class: call.hung ? "slow" : "pack-death" };
        else if (call.error !== undefined) outcome = classifyError(call.error, packDir);
        else if (reproducer.call === "remediate") outcome = classifyRemediate((call.value as Awaited<ReturnType<PolicyPackRunner["remediate"]>>).remediations);
        else outcome = classifyAnalyze(call.value as AnalyzeResult);
        console.log(`  outcome: ${outcome.class} in ${call.wallMs.toFixed(0)} ms${call.packCpuMs !== undefined ? ` (pack CPU ${call.packCpuMs.toFixed(0)} ms)` : ""}`);
        if (outcome.origin) console.log(`  origin: ${outcome.origin}`);
        if (outcome.detail) console.log(`  ${outcome.policy ? `policy ${outcome.policy}: ` : ""}${outcome.detail.replace(/\n/g, "\n  ")}`);
        if (call.error !== undefined) console.log(`  full error:\n${String((call.error as Error).message ?? call.error)}`);
        let reproduced = findingClasses.has(outcome.class) && outcome.class === reproducer.outcome.class;
        if (reproducer.baseline && call.value !== undefined) {
            const baseline = await send(runner, reproducer.call, reproducer.baseline);
            const added = baseline.value ? addedViolations(baseline.value as AnalyzeResult, call.value as AnalyzeResult) : [];
            for (const a of added) console.log(`  rule (a) breach: ${a.policy} ${a.before} -> ${a.after} violations:\n    ${a.messages.join("\n    ")}`);
            reproduced = added.length > 0;
        }
        console.log(reproduced ? "  the finding reproduces" : "  the finding does not reproduce");
        return reproduced ? 1 : 0;
    } finally {
        await runner.stop();
    }
}
