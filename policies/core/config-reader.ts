// A policy's config as its check uses it: defaults applied, unknown keys rejected, parsed. The SDK hands
// every call a fresh copy of the same configured values, so the last result is reused while every value
// is the same one as last time: no re-parse, no serialisation per call.
import type { PolicyConfigSchema } from "@pulumi/policy";
import { checkExemptionConfig, type ExemptionConfig, PolicyConfigError, schemaDefaults } from "./config";

export type ConfigReader<C> = (received: Record<string, unknown>) => C & ExemptionConfig;

export function configReader<C>(policyName: string, schema: PolicyConfigSchema, parse?: (raw: Record<string, unknown>) => C): ConfigReader<C> {
    const defaults = schemaDefaults(schema);
    const known = new Set(Object.keys(schema.properties));
    let last: { received: Record<string, unknown>; parsed: C & ExemptionConfig } | undefined;
    return (received) => {
        if (last && sameValues(last.received, received)) return last.parsed;
        const unknownKeys = Object.keys(received).filter((k) => !known.has(k));
        if (unknownKeys.length > 0) {
            throw new PolicyConfigError(policyName, `unknown key(s) ${unknownKeys.join(", ")}; accepted: ${[...known].join(", ")}`);
        }
        const raw = { ...defaults, ...received };
        checkExemptionConfig(policyName, raw);
        const parsed = { ...raw, ...(parse ? parse(raw) : {}) } as C & ExemptionConfig;
        last = { received, parsed };
        return parsed;
    };
}

/** Same keys holding the very same values (objects by identity). */
function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
    let count = 0;
    for (const key in b) {
        if (!Object.prototype.hasOwnProperty.call(b, key)) continue;
        if (!Object.prototype.hasOwnProperty.call(a, key) || !Object.is(a[key], b[key])) return false;
        count++;
    }
    for (const key in a) if (Object.prototype.hasOwnProperty.call(a, key)) count--;
    return count === 0;
}
