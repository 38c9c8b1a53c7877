// Turns a failed analyzer call into an error a user can act on. The SDK sends a policy's exception back
// as the gRPC status text, stack trace included; only its first line is meant for people.
import { ConfigError } from "./config";

/**
 * An Analyze, AnalyzeStack or Remediate call failed; `detail` keeps the status text and the pack's stderr,
 * `code` the gRPC status when the call reached the transport.
 */
export class AnalyzerCallError extends Error {
    constructor(
        message: string,
        readonly detail: string,
        readonly code?: number,
    ) {
        super(message);
        this.name = "AnalyzerCallError";
    }
}

/**
 * A PolicyConfigError thrown by a policy becomes a ConfigError (the user's config is at fault); anything
 * else becomes an AnalyzerCallError whose message is the status text's first line.
 */
export function analyzerCallError(statusText: string, packStderr: string, code?: number): ConfigError | AnalyzerCallError {
    const lines = statusText.split("\n");
    const configLine = lines.find((line) => line.startsWith("PolicyConfigError: "));
    if (configLine) return new ConfigError(configLine.slice("PolicyConfigError: ".length).trim());
    // "2 UNKNOWN: Error validating resource with policy 'x' ...:" is followed by the exception's own line.
    const summary = lines[0].replace(/^\d+ [A-Z_]+: /, "").replace(/:$/, "");
    const cause = lines.slice(1).find((line) => line.trim() !== "" && !/^\s+at /.test(line));
    const detail = `${statusText}${packStderr ? `\npolicy pack stderr:\n${packStderr}` : ""}`;
    return new AnalyzerCallError(cause ? `${summary}: ${cause.trim()}` : summary, detail, code);
}
