// Sorts each fuzz call into one class, and says where an error came from: the pack's own code, the SDK,
// protobuf or gRPC, or the engine side before the call was sent.
import * as path from "path";
import { ConfigError } from "../../engine/config";
import { AnalyzerCallError, type AnalyzeResult, isDeferral, type Remediation } from "../../engine/runner";

export const outcomeClasses = ["ok", "unknown-note", "policy-exception", "rpc-error", "pack-death", "slow"] as const;
export type OutcomeClass = (typeof outcomeClasses)[number];

/** Classes that are findings: each gets a reproducer. */
export const findingClasses: ReadonlySet<OutcomeClass> = new Set(["policy-exception", "rpc-error", "pack-death", "slow"]);

export interface Outcome {
    class: OutcomeClass;
    /** For findings: the policy, when one is named. */
    policy?: string;
    /** For findings: one or two lines (the error and the frame that threw, or the timing). */
    detail?: string;
    /** For RPC errors: where the error comes from. */
    origin?: string;
}

/** OK, or the SDK's unknown-value note (the pack's own deferrals use the same channel). */
export function classifyAnalyze(result: AnalyzeResult): Outcome {
    return { class: result.diagnostics.some(isDeferral) ? "unknown-note" : "ok" };
}

export function classifyRemediate(remediations: readonly Remediation[]): Outcome {
    return { class: remediations.some((r) => r.diagnostic?.startsWith("can't run ")) ? "unknown-note" : "ok" };
}

const policyFailure = /Error (?:validating|remediating) (?:resource|stack) with (?:policy|remediation) '([^']+)'[^\n]*:\n([^\n]*)/;
const frame = /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/;

/** Errors can echo a whole input; a finding needs its start. */
function clip(text: string): string {
    return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}

/** The message without the pack's stderr tail the runner appends. */
function ownMessage(error: unknown): string {
    const text = error instanceof AnalyzerCallError ? error.detail : error instanceof Error ? error.message : String(error);
    return text.split("\npolicy pack stderr:\n")[0];
}

/** Stack frames of the error the pack's gRPC server sent back: `file:line`. */
function framesOf(message: string): string[] {
    return message
        .split("\n")
        .map((line) => frame.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => `${m[1]}:${m[2]}`);
}

/** True for a frame in the pack's own code (compiled or, with source maps, TypeScript), not a dependency. */
function isPackFrame(location: string, packDir: string): boolean {
    return location.startsWith(packDir + path.sep) && !location.includes(`${path.sep}node_modules${path.sep}`);
}

export function classifyError(error: unknown, packDir: string): Outcome {
    const message = ownMessage(error);
    const firstLine = clip(message.split("\n")[0]);
    if (error instanceof ConfigError) return { class: "rpc-error", origin: "a policy rejected its configuration", detail: firstLine };
    if (!(error instanceof AnalyzerCallError)) {
        return { class: "rpc-error", origin: "engine side: the request could not be encoded", detail: firstLine };
    }
    const frames = framesOf(message);
    const failure = policyFailure.exec(message);
    if (failure) {
        const packFrame = frames.find((f) => isPackFrame(f, packDir));
        const detail = `${clip(failure[2])}${packFrame ? `\n    at ${path.relative(packDir, packFrame)}` : ""}`;
        // The SDK deserialises before it calls a policy (through policies/core/deserialize-once, which
        // is then on the stack too); no policy calls the deserializer itself.
        const inDeserializer = frames.some((f) => f.includes(`@pulumi${path.sep}policy${path.sep}deserialize`));
        if (packFrame && !inDeserializer) return { class: "policy-exception", policy: failure[1], detail };
        return { class: "rpc-error", policy: failure[1], origin: inDeserializer ? "@pulumi/policy deserializer" : "@pulumi/policy SDK", detail };
    }
    if (/Request message serialization failure/.test(firstLine)) return { class: "rpc-error", origin: "engine side: protobuf serialization of the request", detail: firstLine };
    if (error.code === 8) return { class: "rpc-error", origin: "gRPC message size limit", detail: firstLine };
    if (/parse|deserializ/i.test(firstLine)) return { class: "rpc-error", origin: "protobuf decoding in the pack's gRPC server", detail: firstLine };
    return { class: "rpc-error", origin: "gRPC transport or server", detail: firstLine };
}
