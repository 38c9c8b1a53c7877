// Per-policy configuration: the schema properties every policy shares, and the merge of a policy's
// schema defaults under what the engine sends.
import type { PolicyConfigSchema } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

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
