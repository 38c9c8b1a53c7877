// How a provider answers the engine for one resource: the outputs the engine stores and hands to
// AnalyzeStack, in a preview (computed values unknown) and at `pulumi up` (real values). Each cloud's
// model lives in ./providers and is written from that provider's sources; values use the wire encoding
// (unknowns are the engine's sentinel strings, secrets the signature objects).
import { unknownSentinels } from "../../engine/wire";

export type Mode = "preview" | "up";

export interface RegisteredResource {
    type: string;
    name: string;
    urn: string;
    /** Inputs as the SDK put them on the wire (after the program resolved what it could). */
    inputs: Record<string, unknown>;
    custom: boolean;
}

export interface ProviderAnswer {
    /** The physical ID; undefined in a preview of a create (the engine then treats it as unknown). */
    id?: string;
    outputs: Record<string, unknown>;
}

/** What a provider can know besides the resource itself: the resources created before it in this run. */
export interface ModelContext {
    /** Earlier registrations with the outputs their providers returned, in program order. */
    earlier: readonly (RegisteredResource & { outputs: Record<string, unknown> })[];
}

export interface ProviderModel {
    /** The package prefix of the tokens it answers for, e.g. "aws". */
    readonly package: string;
    /**
     * Outputs of a resource of this package in the given mode. `context` lets a provider fill in what the
     * cloud derives from another resource (a GKE node pool's defaults come from its cluster).
     */
    answer(resource: RegisteredResource, mode: Mode, context?: ModelContext): ProviderAnswer;
    /** Results of data-source invokes (e.g. aws:index/getCallerIdentity:getCallerIdentity). */
    invoke?(token: string, args: Record<string, unknown>): Record<string, unknown>;
}

export const unknownString = unknownSentinels.string;

/** A stable fake physical ID for `pulumi up`, e.g. `lt-3f2a…` for a launch template. */
export function fakeId(prefix: string, urn: string): string {
    let hash = 0;
    for (const ch of urn) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return `${prefix}${hash.toString(16).padStart(8, "0")}`;
}

/** Sets `path` in a copy of `value` (objects created as needed). */
export function withValue(value: Record<string, unknown>, path: readonly string[], leaf: unknown): Record<string, unknown> {
    const [head, ...rest] = path;
    const current = value[head];
    const child = typeof current === "object" && current !== null && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
    return { ...value, [head]: rest.length === 0 ? leaf : withValue(child, rest, leaf) };
}

/**
 * Sets `path` only where the program left it absent: a provider default or a computed value. A block
 * that is present but not an object (an unknown, a wrong type) is left as it is.
 */
export function withDefault(value: Record<string, unknown>, path: readonly string[], leaf: unknown): Record<string, unknown> {
    const [head, ...rest] = path;
    const current = value[head];
    if (current === undefined || current === null) return { ...value, [head]: rest.length === 0 ? leaf : withDefault({}, rest, leaf) };
    if (rest.length === 0 || typeof current !== "object" || Array.isArray(current)) return value;
    return { ...value, [head]: withDefault(current as Record<string, unknown>, rest, leaf) };
}
