// Runs captured programs through the engine runner, as `pulumi preview` and `pulumi up` would, and
// sorts what comes back into findings (violations) and deferrals (verdicts left to `pulumi up`).
import { type Evaluation, isDeferral, type PolicyDiagnostic, type PolicyPackRunner } from "../../engine/runner";
import { captureProgram, type Mode, programRun } from "../capture";

export interface ProgramResult {
    evaluation: Evaluation;
    findings: PolicyDiagnostic[];
    deferrals: PolicyDiagnostic[];
}

function allDiagnostics(evaluation: Evaluation): PolicyDiagnostic[] {
    return [...evaluation.resources.flatMap((r) => r.result.diagnostics), ...evaluation.stack.diagnostics];
}

/** Captures `test/programs/<relative>` and evaluates one mode of it; the runner must be started in that mode. */
export async function evaluateProgram(runner: PolicyPackRunner, relative: string, mode: Mode): Promise<ProgramResult> {
    const run = programRun(await captureProgram(relative), mode);
    const evaluation = await runner.evaluate(run.inputs, run.outputs);
    const diagnostics = allDiagnostics(evaluation);
    return { evaluation, findings: diagnostics.filter((d) => !isDeferral(d)), deferrals: diagnostics.filter(isDeferral) };
}

/** `policy: message` lines, sorted, for readable assertions. */
export function lines(diagnostics: readonly PolicyDiagnostic[]): string[] {
    return diagnostics.map((d) => `${d.policyName}: ${d.message.slice(d.message.indexOf("\n") + 1)}`).sort();
}

/** The policies that reported, sorted and unique. */
export function policyNames(diagnostics: readonly PolicyDiagnostic[]): string[] {
    return [...new Set(diagnostics.map((d) => d.policyName))].sort();
}
