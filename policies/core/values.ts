// Readers that never throw on a wrong type. Props come from user programs, YAML and Helm charts, so
// a field typed `boolean` in the SDK may arrive as a string, a number or an object.
// Reading an unknown preview value through the SDK's proxy still throws its UnknownValueError, on
// purpose: a policy never mistakes an unknown for a value. Use `peek` (./unknowns) to look first.
import { isCredentialPath } from "./credentials";
import { isUnknown, plainTargetOf, unknown } from "./unknowns";
import { shortened } from "./well-formed";

export type Dict = Record<string, unknown>;

export function isDict(value: unknown): value is Dict {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asDict(value: unknown): Dict | undefined {
    return isDict(value) ? value : undefined;
}

/** The array, or `[]` for anything that is not an array. */
export function asArray(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

/** Strings of an array; other elements are skipped. */
export function asStrings(value: unknown): string[] {
    return asArray(value).filter((v): v is string => typeof v === "string");
}

/** Kubernetes YAML often carries booleans as strings ("true"); accept both, nothing else. */
export function asBool(value: unknown): boolean | undefined {
    if (typeof value === "boolean") return value;
    if (value === "true") return true;
    if (value === "false") return false;
    return undefined;
}

export function asNumber(value: unknown): number | undefined {
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
    return undefined;
}

/**
 * `table[key]` for a lookup table keyed by untrusted text: own entries only, so a key such as
 * "constructor" or "__proto__" finds nothing instead of Object.prototype's members.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
    return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Reads a nested field by path (own fields only), stopping at the first missing or non-object step. */
export function pathGet(value: unknown, path: readonly (string | number)[]): unknown {
    let current: unknown = value;
    for (const key of path) {
        if (Array.isArray(current) && typeof key === "number") {
            current = current[key];
        } else if (isDict(current) && Object.prototype.hasOwnProperty.call(plainTargetOf(current), key)) {
            current = current[key];
        } else {
            return undefined;
        }
    }
    return current;
}

const maxShown = 120;
const maxDepth = 4;

// Kubernetes names are at most 253 characters. A finding names its resource, container or node pool, so a
// name of megabytes (which the API would reject) is shown cut rather than copied into every message.
const maxNameShown = 253;

/** A name as messages show it: cut, with its length, past 253 characters. */
export function showName(name: string): string {
    return shortened(name, maxNameShown);
}

/**
 * Short rendering of a found value for messages: JSON-like, at most ~120 characters and 4 levels deep.
 * Never throws and never reads through the SDK's proxy (an unknown renders as `(unknown until deploy)`).
 */
export function show(value: unknown): string {
    if (value === undefined) return "absent";
    const out: string[] = [];
    let length = 0;
    const emit = (text: string): boolean => {
        out.push(text);
        length += text.length;
        return length <= maxShown;
    };
    const visit = (v: unknown, depth: number): boolean => {
        if (isUnknown(v)) return emit("(unknown until deploy)");
        if (v === null || typeof v === "boolean") return emit(String(v));
        if (typeof v === "number") return emit(Number.isFinite(v) ? String(v) : "null");
        if (typeof v === "string") return emit(JSON.stringify(v.length > maxShown ? v.slice(0, maxShown) : v));
        if (typeof v !== "object") return emit(typeof v);
        if (depth >= maxDepth) return emit(Array.isArray(v) ? "[...]" : "{...}");
        // Index loops only: array methods on the SDK's secret-preserving proxy throw.
        const target = plainTargetOf(v) as Record<string, unknown>;
        const isArray = Array.isArray(target);
        const keys = isArray ? undefined : Object.keys(target);
        const count = isArray ? (target as unknown as unknown[]).length : keys!.length;
        if (!emit(isArray ? "[" : "{")) return false;
        for (let i = 0; i < count; i++) {
            if (i > 0 && !emit(",")) return false;
            const key = isArray ? i : keys![i];
            if (!isArray && !emit(`${JSON.stringify(key)}:`)) return false;
            if (!visit(target[key], depth + 1)) return false;
        }
        return emit(isArray ? "]" : "}");
    };
    visit(value, 0);
    const text = out.join("");
    return text.length > maxShown ? `${text.slice(0, maxShown - 3)}...` : text;
}

/** What a value is, for "has the wrong type" messages: string, number, boolean, array, object, null, unknown. */
export function typeName(value: unknown): string {
    if (value === unknown || isUnknown(value)) return "unknown";
    if (value === null) return "null";
    if (Array.isArray(value)) return "array";
    return typeof value;
}

/**
 * `has the wrong type: expected an array of strings, found string "api"`. Given the field's path, a field
 * that may hold a credential (see isCredentialPath) names the type found and never the value.
 */
export function wrongType(expected: string, value: unknown, path?: string): string {
    if (path !== undefined && isCredentialPath(path)) {
        return `has the wrong type: expected ${expected}, found ${typeName(value)} (the value is not shown: the field may hold a credential)`;
    }
    return `has the wrong type: expected ${expected}, found ${typeName(value)} ${show(value)}`;
}
