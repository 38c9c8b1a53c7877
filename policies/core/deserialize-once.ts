// Makes @pulumi/policy deserialise a request's props once instead of once per policy.
//
// @pulumi/policy 1.21 (server.js, makeAnalyzeRpcFun and makeAnalyzeStackRpcFun) calls
// `deserialize_1.deserializeProperties(req.getProperties(), false)` inside its loop over policies, so a
// 148-policy pack converts the same protobuf Struct ~100 times per Analyze and once per stack policy and
// resource per AnalyzeStack (docs/PERFORMANCE.md). The SDK calls the function through its module's
// exports object at call time, so replacing that export with a memo keyed by the Struct instance
// (google-protobuf caches the wrapper, so `getProperties()` returns the same Struct for one request)
// gives every policy the same plain-data result. The SDK still wraps it in a fresh unknown-checking proxy
// per policy, so unknowns are reported exactly as before.
//
// Safe because:
// - deserialisation of one Struct is deterministic, and the SDK never mutates the result;
// - no ClusterGuard policy writes to props (test/core/deserialize-once.test.ts runs every policy over
//   every example behind a proxy that fails on any write);
// - only the `proxySecrets === false` path is shared: Remediate's secret-preserving props, which its
//   remediations copy and change, are deserialised afresh as before;
// - the memo is a WeakMap on the request's Struct, so it lives exactly as long as the request;
// - only a module the SDK already loaded is touched, only if its export has the expected shape, and
//   only once. In any other SDK layout nothing happens and the pack is merely slower.
// CLUSTERGUARD_SDK_DESERIALIZE=per-policy turns it off (the bench uses it to measure the SDK as is).
//
// The SDK's deserializer rejects a forged signature with a message that quotes it whole, and the SDK
// sends that message back as the gRPC status. grpc-js cannot send a status of megabytes, or one with a
// lone surrogate (its encodeURI throws), and then never ends the call: the engine would wait forever.
// So an error thrown here is passed on with its message cut to `maxErrorChars` and made well-formed.
// Remediate deserialises before its try block, so there a throw would reject a promise nobody awaits and
// the call would never end either: instead the props it gets throw that error when a policy reads them,
// inside the try, and the engine is told which policy could not run and why.

import { shortened } from "./well-formed";

type Deserialize = (outputsStruct: unknown, proxySecrets: boolean) => Record<string, unknown>;

const deserializeModule = /[\\/]@pulumi[\\/]policy[\\/]deserialize\.js$/;
export const maxErrorChars = 1000;
const marker = Symbol.for("clusterguard.deserializeOnce");

/** Wraps the SDK's deserializeProperties with a per-request memo; returns whether it did. Never throws. */
export function deserializePropsOncePerRequest(env: NodeJS.ProcessEnv = process.env): boolean {
    if (env.CLUSTERGUARD_SDK_DESERIALIZE === "per-policy") return false;
    let wrapped = false;
    for (const [file, loaded] of Object.entries(require.cache)) {
        if (!deserializeModule.test(file) || !loaded) continue;
        try {
            wrapped = wrapDeserialize(loaded.exports as Record<string, unknown>) || wrapped;
        } catch {
            // A frozen or otherwise unexpected module: leave the SDK as it is.
        }
    }
    return wrapped;
}

function wrapDeserialize(sdk: Record<string, unknown>): boolean {
    const original = sdk.deserializeProperties as (Deserialize & { [marker]?: true }) | undefined;
    if (typeof original !== "function" || original.length !== 2) return false;
    if (original[marker]) return true;
    const memo = new WeakMap<object, Record<string, unknown>>();
    const deserialize: Deserialize = (outputsStruct, proxySecrets) => {
        try {
            return original(outputsStruct, proxySecrets);
        } catch (e) {
            if (proxySecrets) return throwingOnRead(sendable(e));
            throw sendable(e);
        }
    };
    const once: Deserialize & { [marker]?: true } = (outputsStruct, proxySecrets) => {
        if (proxySecrets !== false || typeof outputsStruct !== "object" || outputsStruct === null) {
            return deserialize(outputsStruct, proxySecrets);
        }
        const known = memo.get(outputsStruct);
        if (known) return known;
        const props = deserialize(outputsStruct, proxySecrets);
        memo.set(outputsStruct, props);
        return props;
    };
    once[marker] = true;
    sdk.deserializeProperties = once;
    return sdk.deserializeProperties === once;
}

/** The error with a message gRPC can send: at most maxErrorChars, no lone surrogates; its stack frames kept. */
export function sendable(error: unknown): unknown {
    if (!(error instanceof Error)) return error;
    const message = error.message;
    const text = shortened(message, maxErrorChars);
    if (text === message) return error;
    const bounded = new Error(text);
    const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
    bounded.stack = [`${error.name}: ${text}`, ...frames].join("\n");
    return bounded;
}

/** Props that throw `error` on any read. */
function throwingOnRead(error: unknown): Record<string, unknown> {
    const fail = (): never => {
        throw error;
    };
    return new Proxy({}, { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail });
}
