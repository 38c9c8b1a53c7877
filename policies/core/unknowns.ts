// Values the engine cannot know yet. In a preview, an input computed from another resource (an id, an
// ARN, a name) arrives as a sentinel string, and @pulumi/policy wraps props in a proxy that throws its
// UnknownValueError when a policy reads one. That throw is the safety net: a policy never mistakes an
// unknown for a real value. This module lets policies look before they read, and turns what they could
// not judge into a deferral that names the resource and the field.

import { types } from "util";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const proxyModule = require("@pulumi/policy/proxy") as {
    UnknownValueError: new (sentinel: string, path: (string | number | symbol)[]) => Error & { props: (string | number | symbol)[] };
    getSpecialProxyTarget: string;
    unknownStringValue: string;
};

/** The SDK's error for reading an unknown value; the SDK turns it into an advisory, never a violation. */
export const UnknownValueError = proxyModule.UnknownValueError;

/** The engine's sentinels for unknown values (one per type: bool, number, string, array, object, asset, archive). */
const sentinels: ReadonlySet<unknown> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
]);

/** What `peek` returns for a value that is unknown during preview. */
export const unknown: unique symbol = Symbol("unknown until deploy");
export type Unknown = typeof unknown;

export function isUnknown(value: unknown): value is Unknown {
    return value === unknown || sentinels.has(value);
}

/**
 * The object behind the SDK's proxy (the proxy answers a special key with its target). Only a real proxy
 * is asked: on plain data a key of that name is data, not a way to swap in other fields. Never throws.
 */
export function plainTargetOf(value: object): Record<string | number, unknown> {
    if (!types.isProxy(value)) return value as Record<string | number, unknown>;
    try {
        return ((value as Record<string, unknown>)[proxyModule.getSpecialProxyTarget] ?? value) as Record<string | number, unknown>;
    } catch {
        return value as Record<string | number, unknown>;
    }
}

/**
 * `container[key]` without throwing: `unknown` when the engine sent an unknown value there. Objects keep
 * the SDK's proxy, so deeper plain reads stay guarded. Own keys only: an inherited `constructor` or
 * `__proto__` is not data.
 */
export function peek(container: unknown, key: string | number): unknown {
    if (typeof container !== "object" || container === null) return undefined;
    const target = plainTargetOf(container);
    if (!Object.prototype.hasOwnProperty.call(target, key)) return undefined;
    const value = target[key];
    if (sentinels.has(value)) return unknown;
    // An object through the SDK's proxy, so deeper reads stay guarded; a leaf needs no guard, and with no
    // proxy to go through the value is read once.
    if (target === container || typeof value !== "object" || value === null) return value;
    return (container as Record<string | number, unknown>)[key];
}

// Whether plain data holds no unknown, per object: props are never written (the SDK's deserialised
// data is shared by every policy of a request), so a verdict holds as long as the object lives, and
// the walk is paid once per request however many policies ask.
const knownThroughout = new WeakMap<object, boolean>();
// Values walked at most: a 2,000-container pod spec is some 30,000; a 3.5 MB env list 300,000.
const knownPlainBudget = 1_000_000;

/**
 * The plain data behind `value` when nothing inside it is unknown, so that a hot loop (a selector matched
 * against every pod) can read it without the SDK's proxy; undefined when something inside is unknown, or
 * when it is too large to check (then read it through the proxy, which reports the unknown's path).
 */
export function knownPlain<T>(value: T): T | undefined {
    if (typeof value !== "object" || value === null) return isUnknown(value) ? undefined : value;
    const target = plainTargetOf(value);
    let known = knownThroughout.get(target);
    if (known === undefined) {
        known = holdsNoUnknown(target, knownPlainBudget);
        knownThroughout.set(target, known);
    }
    return known ? (target as T) : undefined;
}

/**
 * True when the walk finds no unknown within `budget` values; false when it finds one or runs out, or
 * meets an object with a prototype of its own (a `__proto__` key the deserializer made one): a plain read
 * would see the prototype's values, which the walk of own values does not.
 */
function holdsNoUnknown(root: object, budget: number): boolean {
    const stack: unknown[] = [root];
    while (stack.length > 0) {
        if (budget-- <= 0) return false;
        const next = stack.pop();
        if (sentinels.has(next)) return false;
        if (typeof next !== "object" || next === null) continue;
        const target = plainTargetOf(next);
        const prototype = Object.getPrototypeOf(target);
        if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) return false;
        for (const child of Object.values(target)) stack.push(child);
    }
    return true;
}

/** The paths of the unknowns inside `value` (e.g. `spec.egress[0].to`; "" for an unknown root), at most `limit`. */
export function unknownPaths(value: unknown, limit = 100, budget = 10_000): string[] {
    // Most objects hold no unknown, and each stack check asks again: answer those without building paths.
    if (knownPlain(value) !== undefined) return [];
    const found: string[] = [];
    const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
    while (stack.length > 0 && budget-- > 0 && found.length < limit) {
        const next = stack.pop()!;
        if (isUnknown(next.value)) {
            found.push(formatPath(next.path));
        } else if (typeof next.value === "object" && next.value !== null) {
            const target = plainTargetOf(next.value);
            for (const key of Object.keys(target).reverse()) stack.push({ value: target[key], path: [...next.path, key] });
        }
    }
    return found;
}

/** The path of the first unknown inside `value`, or undefined when all of it is known. */
export function firstUnknownPath(value: unknown): string | undefined {
    return unknownPaths(value, 1)[0];
}

/** `["spec", "containers", "0", "image"]` -> `spec.containers[0].image`. */
export function formatPath(path: readonly (string | number | symbol)[]): string {
    let out = "";
    for (const part of path) {
        const text = String(part);
        if (/^\d+$/.test(text)) out += `[${text}]`;
        else out += out === "" ? text : `.${text}`;
    }
    return out;
}

/** The field an UnknownValueError was raised for, relative to the props it was read from. */
export function unknownFieldOf(error: unknown): string | undefined {
    if (!(error instanceof UnknownValueError)) return undefined;
    return formatPath(error.props ?? []);
}

/** One field a policy could not judge in this preview. */
export interface Deferral {
    /** Who holds the field, e.g. `Cluster "prod"`. */
    label: string;
    /** The field, e.g. `encryptionConfig.provider.keyArn`. */
    field: string;
    /** Why the value is needed, when the policy says more than the default. */
    why?: string;
}

export function describeDeferrals(deferrals: readonly Deferral[]): string {
    const unique = [...new Map(deferrals.map((d) => [`${d.label}\u0000${d.field}`, d])).values()];
    const shown = unique.slice(0, 5).map((d) => `${d.label}: ${d.field || "a property"} ${d.why ?? "is computed from another resource"}`);
    const more = unique.length > shown.length ? `; and ${unique.length - shown.length} more` : "";
    return `${shown.join("; ")}${more}; not known until deploy, so judged at \`pulumi up\``;
}

/**
 * Thrown once, after a policy judged everything it could, to report what it deferred. It is an
 * UnknownValueError, so the SDK reports it as an advisory note ("can't run policy ... during preview: ...")
 * and keeps the violations reported before it.
 */
export class DeferredVerdict extends UnknownValueError {
    constructor(readonly deferrals: readonly Deferral[]) {
        super(proxyModule.unknownStringValue, []);
        this.name = "DeferredVerdict";
        this.message = describeDeferrals(deferrals);
    }
}

/** The SDK's unknown-value error for a field the policy found unknown itself (e.g. with `peek`). */
export function unknownFieldError(field: string): Error {
    return new UnknownValueError(proxyModule.unknownStringValue, [field]);
}

/**
 * Runs independent parts of one check and keeps what each could not judge: a value unknown in this
 * preview stops only the part that read it, and its field is collected (see `fields`) for the policy
 * to defer. Made per evaluation, so nothing is shared between resources.
 */
export class PartialVerdict {
    readonly fields: string[] = [];

    /** Runs `part`; when it reads an unknown value, records the field and returns `fallback`. */
    part<T>(fallback: T, part: () => T): T {
        try {
            return part();
        } catch (e) {
            if (!(e instanceof UnknownValueError)) throw e;
            if (e instanceof DeferredVerdict) this.fields.push(...e.deferrals.map((d) => d.field));
            else this.fields.push(unknownFieldOf(e) ?? "");
            return fallback;
        }
    }

    /** Records a field whose value the check needed and found unknown. */
    defer(field: string): void {
        this.fields.push(field);
    }
}
