// Every failure the CLI expects becomes one line on stderr and exit 2; a stack trace only with --debug.
import { ConfigError } from "../engine/config";
import { AnalyzerCallError, PackStartError } from "../engine/runner";
import { BaselineError } from "./baseline";
import { InputError } from "./inputs";
import { TriageError } from "./triage";
import { errorMessage } from "./values";

/** The command line is wrong: the message is followed by the usage text. */
export class UsageError extends Error {}

const expected = [ConfigError, InputError, PackStartError, AnalyzerCallError, TriageError, BaselineError, UsageError];

/** What to print for an error: one line, or with --debug the stack and any detail the error carries. */
export function describeError(e: unknown, debug: boolean): string {
    const error = e instanceof Error ? e : new Error(errorMessage(e));
    if (debug) {
        const detail = error instanceof AnalyzerCallError ? `\n${error.detail}` : "";
        return `cluster-guard: ${error.stack ?? error.message}${detail}`;
    }
    const firstLine = error.message.split("\n")[0];
    if (expected.some((kind) => error instanceof kind)) return `cluster-guard: ${firstLine}`;
    return `cluster-guard: internal error: ${firstLine} (run with --debug for details)`;
}
