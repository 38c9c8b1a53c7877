// Small helpers for untyped JSON and system errors, shared by the inputs and the reports.

import { show } from "../policies/core/values";

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A YAML scalar's value as text (keys may be numbers or booleans); undefined for anything else. */
export function scalarText(value: unknown): string | undefined {
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" || value === null) return `${value}`;
    return undefined;
}

/** The message of anything thrown, without coercing a non-Error (whose `toString` may itself throw). */
export function errorMessage(e: unknown): string {
    return e instanceof Error ? e.message : typeof e === "string" ? e : show(e);
}

/** `EACCES: permission denied, open '/x'` -> `permission denied`: messages name the path already. */
export function systemErrorText(e: unknown): string {
    const message = errorMessage(e);
    return message.replace(/^[A-Z]+: /, "").replace(/, \w+ '[^']*'( -> '[^']*')?$/, "");
}
