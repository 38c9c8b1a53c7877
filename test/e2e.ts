// Starts the compiled pack through the engine runner for a test file, the way `pulumi preview` does.
import * as path from "path";
import type { PolicyPackConfigFile } from "../engine/config";
import { type AnalyzeResult, type PolicyDiagnostic, PolicyPackRunner, type RunnerOptions } from "../engine/runner";

/** The repository root: the pack directory, whose package.json `main` is the compiled pack. */
export const packDir = path.resolve(__dirname, "..", "..");

/**
 * Registers before/after hooks that start one runner for the enclosing describe block.
 * Returns a getter, because the runner exists only once the before hook ran.
 */
export function useRunner(config: PolicyPackConfigFile = {}, options: Omit<RunnerOptions, "config" | "packDir"> = {}): () => PolicyPackRunner {
    let runner: PolicyPackRunner | undefined;
    before(async function () {
        this.timeout(120_000);
        runner = await PolicyPackRunner.start({ packDir, config, ...options });
    });
    after(async () => {
        await runner?.stop();
    });
    return () => {
        if (!runner) throw new Error("runner not started");
        return runner;
    };
}

/** Diagnostics of one policy. */
export function diagnosticsOf(result: AnalyzeResult, policyName: string): PolicyDiagnostic[] {
    return result.diagnostics.filter((d) => d.policyName === policyName);
}

/** Names of the policies that reported anything, sorted, for compact assertions. */
export function policiesReported(result: AnalyzeResult): string[] {
    return [...new Set(result.diagnostics.map((d) => d.policyName))].sort();
}
