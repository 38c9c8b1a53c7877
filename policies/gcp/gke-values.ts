// Typed reads of GKE fields. A value of the wrong type is reported ("has the wrong type: expected …,
// found …") and never passes; an unknown value (preview) is read through the SDK's proxy, which throws, so
// the check that read it is deferred with the field named.
import { asBool, type CheckContext, type Dict, isDict, wrongType } from "../core";

/** What a read returns for a value of the wrong type, after reporting it. */
export const wrong: unique symbol = Symbol("wrong type");
export type Wrong = typeof wrong;

type Reporter = Pick<CheckContext<unknown>, "violation">;

type Kind = "boolean" | "string" | "object" | "array";
const expected: Record<Kind, string> = { boolean: "a boolean", string: "a string", object: "an object", array: "an array" };

function matches(kind: Kind, value: unknown): boolean {
    switch (kind) {
        case "boolean":
            return asBool(value) !== undefined;
        case "string":
            return typeof value === "string";
        case "object":
            return isDict(value);
        case "array":
            return Array.isArray(value);
    }
}

function join(base: string, key: string): string {
    if (base === "") return key;
    return /^\[/.test(key) ? `${base}${key}` : `${base}.${key}`;
}

/** The field at a dotted path; every step but the last must be an object. Reports the step that is not. */
function dig(ctx: Reporter, root: unknown, base: string, path: string, fix: string): unknown {
    const keys = path.split(".");
    let current = root;
    let at = base;
    for (const [i, key] of keys.entries()) {
        if (current === undefined || current === null) return undefined;
        if (!isDict(current)) {
            ctx.violation(at, wrongType(expected.object, current), fix);
            return wrong;
        }
        current = current[key];
        at = join(at, key);
        if (i === keys.length - 1) return current;
    }
    return current;
}

/** Reads `path` under `root` (whose own field path is `base`, "" for the resource) as `kind`. */
function read(ctx: Reporter, kind: Kind, root: unknown, path: string, fix: string, base: string): unknown {
    const value = dig(ctx, root, base, path, fix);
    if (value === wrong || value === undefined || value === null) return value === null ? undefined : value;
    if (matches(kind, value)) return kind === "boolean" ? asBool(value) : value;
    ctx.violation(join(base, path), wrongType(expected[kind], value), fix);
    return wrong;
}

export function readBool(ctx: Reporter, root: unknown, path: string, fix: string, base = ""): boolean | undefined | Wrong {
    return read(ctx, "boolean", root, path, fix, base) as boolean | undefined | Wrong;
}

export function readString(ctx: Reporter, root: unknown, path: string, fix: string, base = ""): string | undefined | Wrong {
    return read(ctx, "string", root, path, fix, base) as string | undefined | Wrong;
}

export function readDict(ctx: Reporter, root: unknown, path: string, fix: string, base = ""): Dict | undefined | Wrong {
    return read(ctx, "object", root, path, fix, base) as Dict | undefined | Wrong;
}

export function readArray(ctx: Reporter, root: unknown, path: string, fix: string, base = ""): unknown[] | undefined | Wrong {
    return read(ctx, "array", root, path, fix, base) as unknown[] | undefined | Wrong;
}

/** An array of strings; each element of another type is reported and left out. */
export function readStrings(ctx: Reporter, root: unknown, path: string, fix: string, base = ""): string[] | undefined | Wrong {
    const list = readArray(ctx, root, path, fix, base);
    if (list === wrong || list === undefined) return list;
    const strings: string[] = [];
    list.forEach((item, i) => {
        if (typeof item === "string") strings.push(item);
        else ctx.violation(`${join(base, path)}[${i}]`, wrongType(expected.string, item), fix);
    });
    return strings.length === list.length ? strings : wrong;
}
