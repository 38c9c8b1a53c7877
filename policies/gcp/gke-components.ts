// Config shared by the logging and monitoring policies: which GKE components must be enabled.
import { PolicyConfigError } from "../core";

export interface ComponentsConfig {
    requiredComponents: string[];
}

export function componentsSchema(defaults: string[], what: string) {
    return {
        properties: {
            requiredComponents: {
                type: "array" as const,
                items: { type: "string" as const, minLength: 1 },
                default: defaults,
                description: `GKE components that must be in ${what}.enableComponents.`,
            },
        },
    };
}

export function parseComponents(policy: string) {
    return (raw: Record<string, unknown>): ComponentsConfig => {
        const list = raw.requiredComponents;
        if (!Array.isArray(list) || list.some((c) => typeof c !== "string")) {
            throw new PolicyConfigError(policy, "requiredComponents must be a list of strings");
        }
        return { requiredComponents: list.map((c: string) => c.toUpperCase()) };
    };
}
