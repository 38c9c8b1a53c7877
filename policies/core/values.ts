// Readers that never throw on a wrong type. Props come from user programs, YAML and Helm charts, so
// a field typed `boolean` in the SDK may arrive as a string, a number or an object.
// Reading an unknown preview value still throws the SDK's UnknownValueError, on purpose: the SDK turns
// it into an advisory "can't run during preview" note.

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

/** Reads a nested field by path, stopping at the first missing or non-object step. */
export function pathGet(value: unknown, path: readonly (string | number)[]): unknown {
    let current: unknown = value;
    for (const key of path) {
        if (Array.isArray(current) && typeof key === "number") {
            current = current[key];
        } else if (isDict(current)) {
            current = current[key];
        } else {
            return undefined;
        }
    }
    return current;
}

/** Short rendering of a found value for messages. */
export function show(value: unknown): string {
    if (value === undefined) return "absent";
    if (typeof value === "string") return JSON.stringify(value);
    try {
        const text = JSON.stringify(value);
        return text.length > 120 ? `${text.slice(0, 117)}...` : text;
    } catch {
        return String(value);
    }
}
