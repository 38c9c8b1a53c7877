// Applies policy-pack config the way the Pulumi CLI does before it calls Configure: schema defaults,
// the pack's initial config, then the user's file (`--policy-pack-config`), validated with JSON Schema.
import Ajv from "ajv";
import * as fs from "fs";

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export const enforcementLevels: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** `{"all": "mandatory", "policy-a": "advisory", "policy-b": {"enforcementLevel": "mandatory", "x": 1}}` */
export type PolicyPackConfigFile = Record<string, unknown>;

export interface PolicySchemaInfo {
    name: string;
    enforcementLevel: EnforcementLevel;
    configSchema?: { properties?: Record<string, unknown>; required?: string[] };
}

export interface ResolvedPolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

export class ConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ConfigError";
    }
}

export function readConfigFile(path: string): PolicyPackConfigFile {
    let text: string;
    try {
        text = fs.readFileSync(path, "utf8");
    } catch (e) {
        throw new ConfigError(`cannot read policy pack config ${path}: ${(e as Error).message}`);
    }
    try {
        const parsed = JSON.parse(text) as unknown;
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
            throw new Error("the top level must be an object keyed by policy name");
        }
        return parsed as PolicyPackConfigFile;
    } catch (e) {
        throw new ConfigError(`policy pack config ${path} is not valid: ${(e as Error).message}`);
    }
}

function asLevel(value: unknown, where: string): EnforcementLevel {
    if (typeof value === "string" && (enforcementLevels as readonly string[]).includes(value)) {
        return value as EnforcementLevel;
    }
    throw new ConfigError(`${where}: enforcement level must be one of ${enforcementLevels.join(", ")}, got ${JSON.stringify(value)}`);
}

/** One policy's entry: a level string, or an object with an optional enforcementLevel and properties. */
function applyEntry(target: ResolvedPolicyConfig, entry: unknown, where: string): void {
    if (typeof entry === "string") {
        target.enforcementLevel = asLevel(entry, where);
        return;
    }
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
        throw new ConfigError(`${where}: expected an enforcement level or an object, got ${JSON.stringify(entry)}`);
    }
    for (const [key, value] of Object.entries(entry)) {
        if (key === "enforcementLevel") target.enforcementLevel = asLevel(value, where);
        // An own property even for `__proto__`, so schema validation sees it and rejects it as unknown.
        else Object.defineProperty(target.properties, key, { value, enumerable: true, writable: true, configurable: true });
    }
}

const ajv = new Ajv({ allErrors: true, strict: false });

/** Resolves and validates every policy's config; throws ConfigError naming the policy and key. */
export function resolveConfig(
    policies: readonly PolicySchemaInfo[],
    initialConfig: PolicyPackConfigFile = {},
    userConfig: PolicyPackConfigFile = {},
): Record<string, ResolvedPolicyConfig> {
    const known = new Set(policies.map((p) => p.name));
    for (const name of Object.keys(userConfig)) {
        if (name !== "all" && !known.has(name)) {
            throw new ConfigError(`policy pack config names unknown policy "${name}"`);
        }
    }
    const resolved: Record<string, ResolvedPolicyConfig> = {};
    for (const policy of policies) {
        const schemaProperties = policy.configSchema?.properties ?? {};
        const target: ResolvedPolicyConfig = { enforcementLevel: policy.enforcementLevel, properties: {} };
        for (const [key, property] of Object.entries(schemaProperties)) {
            const fallback = (property as { default?: unknown }).default;
            if (fallback !== undefined) target.properties[key] = structuredClone(fallback);
        }
        if (policy.name in initialConfig) applyEntry(target, initialConfig[policy.name], `initial config for ${policy.name}`);
        if ("all" in userConfig) target.enforcementLevel = asLevel(userConfig.all, `config key "all"`);
        if (policy.name in userConfig) applyEntry(target, userConfig[policy.name], `config for policy "${policy.name}"`);

        const schema = {
            type: "object",
            properties: schemaProperties,
            required: policy.configSchema?.required ?? [],
            additionalProperties: false,
        };
        const validate = ajv.compile(schema);
        if (!validate(target.properties)) {
            const problems = (validate.errors ?? [])
                .map((e) => `${e.instancePath || "(top level)"} ${e.message}${e.params && "additionalProperty" in e.params ? ` "${String(e.params.additionalProperty)}"` : ""}`)
                .join("; ");
            throw new ConfigError(`config for policy "${policy.name}" is invalid: ${problems}`);
        }
        resolved[policy.name] = target;
    }
    return resolved;
}
