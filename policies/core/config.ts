// Per-policy configuration: the schema properties every policy shares, and the merge of a policy's
// schema defaults under what the engine sends.
import type { PolicyConfigSchema } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import picomatch from "picomatch";
import { asStrings, show } from "./values";

/** Config every policy accepts: exemptions a reviewer can audit in one file. */
export interface ExemptionConfig {
    /** Glob patterns matched against the Pulumi resource name (and, for Kubernetes, metadata.name). */
    excludeResourceNames: string[];
    /** Kubernetes namespaces whose resources the policy skips. */
    excludeNamespaces: string[];
}

const stringList = (description: string): PolicyConfigJSONSchema => ({
    type: "array",
    items: { type: "string", minLength: 1 },
    default: [],
    description,
});

export const exemptionProperties: Record<keyof ExemptionConfig, PolicyConfigJSONSchema> = {
    excludeResourceNames: stringList(
        "Glob patterns (picomatch) of resource names to exempt: the Pulumi resource name, and for Kubernetes " +
            "objects also metadata.name and namespace/name.",
    ),
    excludeNamespaces: stringList("Kubernetes namespaces whose resources this policy does not check (globs allowed)."),
};

/** Builds a policy's full schema: its own properties plus the shared exemption properties. */
export function buildConfigSchema(own?: PolicyConfigSchema): PolicyConfigSchema {
    for (const key of Object.keys(own?.properties ?? {})) {
        if (key in exemptionProperties) {
            throw new Error(`config property "${key}" is reserved for exemptions`);
        }
    }
    return {
        properties: { ...(own?.properties ?? {}), ...exemptionProperties },
        ...(own?.required ? { required: own.required } : {}),
    };
}

/** The top-level defaults of a schema, the same ones the Pulumi CLI fills in. */
export function schemaDefaults(schema: PolicyConfigSchema): Record<string, unknown> {
    const defaults: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema.properties)) {
        if (property.default !== undefined) defaults[key] = property.default;
    }
    return defaults;
}

/** Thrown for configuration a policy cannot use; the message says which key and why. */
export class PolicyConfigError extends Error {
    constructor(policyName: string, message: string) {
        super(`invalid configuration for policy "${policyName}": ${message}`);
        this.name = "PolicyConfigError";
    }
}

/** Why a glob pattern does not compile (unbalanced brackets, braces or parentheses, an empty range...); undefined when it does. */
export function globProblem(pattern: string): string | undefined {
    try {
        // picomatch compiles what it cannot parse to `$^`, a pattern that matches nothing.
        if (picomatch.makeRe(pattern, { strictBrackets: true }).source === "$^") return "it matches nothing";
    } catch (error) {
        return error instanceof Error ? error.message.replace(/ - use .*$/, "") : "it does not compile";
    }
    return undefined;
}

/**
 * The matcher for the glob patterns of one setting; throws PolicyConfigError naming the setting and the
 * pattern when one does not compile, instead of a matcher that silently matches nothing or itself.
 */
export function compileGlobs(policyName: string, setting: string, patterns: unknown, options: picomatch.PicomatchOptions = {}): (text: string) => boolean {
    const list = asStrings(patterns);
    for (const pattern of list) {
        const problem = globProblem(pattern);
        if (problem) throw new PolicyConfigError(policyName, `${setting}: ${show(pattern)} is not a valid glob pattern (${problem})`);
    }
    return list.length === 0 ? () => false : picomatch(list, { dot: true, ...options });
}

/** Checks the exemption settings every policy shares; throws PolicyConfigError naming the setting. */
export function checkExemptionConfig(policyName: string, raw: Record<string, unknown>): void {
    for (const setting of Object.keys(exemptionProperties)) compileGlobs(policyName, setting, raw[setting]);
}
