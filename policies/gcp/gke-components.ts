// What the logging and monitoring policies share: which GKE components must be enabled, and how the
// loggingService / monitoringService values read (Cloud Logging / Monitoring for GKE, off, or the
// decommissioned legacy Stackdriver integration).
import { type CheckContext, PolicyConfigError } from "../core";
import type { ClusterProps } from "./gke-nodes";
import { readString, readStrings, wrong } from "./gke-values";

export interface ComponentsConfig {
    requiredComponents: string[];
}

export function componentsSchema(defaults: string[], what: string, more: string) {
    return {
        properties: {
            requiredComponents: {
                type: "array" as const,
                items: { type: "string" as const, minLength: 1 },
                default: defaults,
                description: `GKE components that must be in ${what}.enableComponents. ${more}`,
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

export interface ServiceField {
    field: "loggingService" | "monitoringService";
    /** Cloud Logging / Cloud Monitoring for GKE, e.g. "logging.googleapis.com/kubernetes". */
    current: string;
    /** The legacy Stackdriver integration, e.g. "logging.googleapis.com". */
    legacy: string;
    product: string;
}

/** Judges loggingService / monitoringService; returns false when it reported (so components are not judged too). */
export function serviceOk(cluster: ClusterProps, ctx: CheckContext<unknown>, service: ServiceField): boolean {
    const fix = `set ${service.field}: "${service.current}" (the default) or remove it`;
    const value = readString(ctx, cluster, service.field, fix);
    if (value === wrong) return false;
    const normalised = value?.trim().toLowerCase().replace(/\/+$/, "");
    if (normalised === undefined || normalised === service.current) return true;
    const problem =
        normalised === "none"
            ? `is "none", which turns ${service.product} off`
            : normalised === service.legacy
              ? `is ${JSON.stringify(value)}, the legacy Stackdriver integration that GKE decommissioned; clusters send to ${service.product} through "${service.current}"`
              : `is ${JSON.stringify(value)}, not ${service.product} for GKE ("${service.current}")`;
    ctx.violation(service.field, problem, fix);
    return false;
}

/** The components a cluster enables (`config.enableComponents`), or undefined when it sets none. */
export function enabledComponents(cluster: ClusterProps, ctx: CheckContext<unknown>, block: "loggingConfig" | "monitoringConfig", fix: string): string[] | undefined | typeof wrong {
    const list = readStrings(ctx, cluster, `${block}.enableComponents`, fix);
    return list === wrong || list === undefined ? list : list.map((c) => c.trim().toUpperCase());
}
