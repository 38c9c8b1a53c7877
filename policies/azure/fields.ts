// Reading AKS fields as the engine hands them over. A field may be absent, of the wrong type (JSON and YAML
// inputs, stack exports), or unknown in a preview. The azure-native SDK makes one more case: its
// ManagedCluster constructor computes some objects as a whole, with one `.apply` over the object
// (`pulumi.output(args.securityProfile).apply(...)`), so in a preview the whole object is unknown as soon as
// one field inside it is computed from another resource, e.g. `securityProfile.azureKeyVaultKms.keyId:
// key.keyUriWithVersion`. The fields the program wrote as literals in that object are then unknown too.
import { asBool, azure, type CheckContext, isDict, isUnknown, peek, show, wrongType } from "../core";
import { absentValue, automaticWhy } from "./automatic";

/** The ManagedCluster objects the azure-native SDK (v3) computes with one `.apply` (containerservice/managedCluster.js). */
export const wholeObjects: ReadonlySet<string> = new Set(["securityProfile", "networkProfile", "bootstrapProfile", "nodeProvisioningProfile", "workloadAutoScalerProfile"]);

/** Why a field of a wholly unknown object is unknown, completing "<field> ...". */
export function wholeObjectWhy(object: string): string {
    return (
        `is in ${object}, which the azure-native SDK computes as a whole (one \`.apply\` over the object), so all of ${object} ` +
        "is unknown while any field in it is computed from another resource (such as a key, workspace or subnet ID)"
    );
}

export type Reading =
    /** The field's value; undefined when it or an object on its path is absent. */
    | { kind: "value"; value: unknown }
    /** An object on the path holds something else. */
    | { kind: "notObject"; path: string; value: unknown }
    /** The field, or an object on its path, is unknown in this preview. */
    | { kind: "unknown"; path: string };

/** Follows a dotted path through nested objects without throwing on unknowns. */
export function read(root: unknown, path: string): Reading {
    const keys = path.split(".");
    let current = root;
    for (let i = 0; i < keys.length; i++) {
        const value = peek(current, keys[i]);
        const at = keys.slice(0, i + 1).join(".");
        if (isUnknown(value)) return { kind: "unknown", path: at };
        if (i === keys.length - 1 || value === undefined || value === null) return { kind: "value", value: value ?? undefined };
        if (!isDict(value)) return { kind: "notObject", path: at, value };
        current = value;
    }
    return { kind: "value", value: undefined };
}

/** Returned by `valueAt` when it reported or deferred instead of reading. */
export const handled: unique symbol = Symbol("reported or deferred");

export interface ValueAtOptions {
    /** Prepended to paths in messages, e.g. `agentPoolProfiles[0].` for an inline pool. */
    prefix?: string;
    /** The fix when an object on the path has the wrong type. */
    fix: string;
}

/**
 * The value at `path` (undefined when absent), or `handled` after reporting an object of the wrong type on
 * the way, or deferring an unknown: a field of a ManagedCluster object the SDK computes as a whole is
 * deferred by its own name, with the reason. An absent field of an AKS Automatic cluster has the value
 * Automatic gives it (./automatic).
 */
export function valueAt(ctx: CheckContext<unknown>, root: unknown, path: string, options: ValueAtOptions): unknown {
    const prefix = options.prefix ?? "";
    const reading = read(root, path);
    if (reading.kind === "value") {
        if (reading.value !== undefined || prefix !== "" || !azure.managedCluster.has(ctx.type)) return reading.value;
        const absent = absentValue(root, path);
        if (absent !== "unknown") return absent?.value;
        ctx.defer("sku.name", automaticWhy(path));
        return handled;
    }
    if (reading.kind === "notObject") {
        ctx.violation(prefix + reading.path, wrongType("an object", reading.value), options.fix);
    } else if (prefix === "" && wholeObjects.has(reading.path) && azure.managedCluster.has(ctx.type)) {
        ctx.defer(path, wholeObjectWhy(reading.path));
    } else {
        ctx.defer(prefix + reading.path);
    }
    return handled;
}

/** What is wrong with a boolean that must be true ("is false", the absent text, or a wrong type); undefined when true. */
export function notTrue(value: unknown, absent: string, whenFalse = "is false"): string | undefined {
    const flag = asBool(value);
    if (flag === true) return undefined;
    if (flag === false) return whenFalse;
    return value === undefined ? absent : wrongType("a boolean", value);
}

/**
 * Reports the boolean at `path` unless it is true: `<path> is false`, `<path> <absent>`, or a wrong type.
 * Returns true when it passed.
 */
export function requireTrue(
    ctx: CheckContext<unknown>,
    root: unknown,
    path: string,
    absent: string,
    options: { prefix?: string; fix?: string; whenFalse?: string } = {},
): boolean {
    const prefix = options.prefix ?? "";
    const fix = options.fix ?? `set ${prefix}${path}: true`;
    const value = valueAt(ctx, root, path, { prefix, fix });
    if (value === handled) return false;
    const problem = notTrue(value, absent, options.whenFalse);
    if (problem) ctx.violation(prefix + path, problem, fix);
    return problem === undefined;
}

export interface ChoiceTexts {
    /** After "<path> ", when the field is absent. */
    absent: string;
    /** After "<path> ", for another string; gets the value as shown. */
    other: (shown: string) => string;
    /** For a wrong type: "expected <expected>". */
    expected: string;
}

/** What is wrong with a string that must be one of `accepted` (without regard to case); undefined when it is one. */
export function notOneOf(value: unknown, accepted: readonly string[], texts: ChoiceTexts): string | undefined {
    if (typeof value === "string" && accepted.includes(value.toLowerCase())) return undefined;
    if (value === undefined) return texts.absent;
    return typeof value === "string" ? texts.other(show(value)) : wrongType(texts.expected, value);
}
