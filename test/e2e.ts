// Starts the compiled pack through the engine runner for a test file, the way `pulumi preview` does.
import * as path from "path";
import { kubernetesResources, readStacks } from "../cli/inputs";
import type { PolicyPackConfigFile } from "../engine/config";
import { type AnalyzeResult, type Evaluation, type PolicyDiagnostic, PolicyPackRunner, type ResourceInput, type RunnerOptions } from "../engine/runner";

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

/** Every policy that reported on a resource or on the stack, sorted; only those in `only` when given. */
export function reportedPolicies(evaluation: Evaluation, only?: ReadonlySet<string>): string[] {
    const names = [...evaluation.resources.map((r) => r.result), evaluation.stack].flatMap(policiesReported);
    return [...new Set(names)].filter((n) => !only || only.has(n)).sort();
}

/** An example file's resources (path under examples/), read by the CLI's own reader. */
export function exampleResources(relative: string): ResourceInput[] {
    return readStacks([path.join(packDir, "examples", relative)])[0].inputs;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Manifest = Record<string, any>;

/** The Kubernetes objects of an example file, fresh on each call, for tests that edit them. */
export function exampleManifests<T = Manifest>(relative: string): T[] {
    return exampleResources(relative).map((r) => r.props as T);
}

/** Kubernetes objects as the resources a scan registers. */
export function manifestResources(objects: object[]): ResourceInput[] {
    return kubernetesResources(objects, "test");
}
