// AKS add-ons live in the ManagedCluster's `addonProfiles` map. Its keys are case-insensitive on the
// Azure side (omsagent / omsAgent), so they are matched without regard to case.
import { asBool, type CheckContext, type Dict, isDict, isUnknown, peek, wrongType } from "../core";
import { read } from "./fields";

export interface Addon {
    /** The key as written, for messages. */
    key: string;
    profile: Dict;
    /** `enabled` as given: a boolean (or "true"/"false"), absent, unknown in a preview, or of the wrong type. */
    enabled: "on" | "off" | "unknown" | "wrong";
    /** When `enabled` is "unknown": the field that is unknown (addonProfiles, the profile, or its enabled). */
    unknownAt?: string;
}

export interface Addons {
    addons: Addon[];
    /** True when a profile of the wrong type was reported, so "absent" would be wrong. */
    reported: boolean;
}

function enabledState(value: unknown): Addon["enabled"] {
    if (isUnknown(value)) return "unknown";
    if (value === undefined) return "off";
    const flag = asBool(value);
    return flag === undefined ? "wrong" : flag ? "on" : "off";
}

/**
 * Every profile whose key equals `name` without regard to case. Profiles of the wrong type are reported;
 * unknown ones are returned as "unknown" for the caller to defer only if its verdict needs them.
 */
export function findAddons(ctx: CheckContext<unknown>, cluster: unknown, name: string): Addons {
    const profiles = read(cluster, "addonProfiles");
    if (profiles.kind === "unknown") return { addons: [{ key: name, profile: {}, enabled: "unknown", unknownAt: "addonProfiles" }], reported: false };
    const value = profiles.kind === "value" ? profiles.value : undefined;
    if (value === undefined) return { addons: [], reported: false };
    if (!isDict(value)) {
        ctx.violation("addonProfiles", wrongType("a map of add-on profiles", value), `set addonProfiles: { ${name}: { enabled: ... } }`);
        return { addons: [], reported: true };
    }
    const wanted = name.toLowerCase();
    const result: Addons = { addons: [], reported: false };
    for (const key of Object.keys(value).filter((k) => k.toLowerCase() === wanted)) {
        const profile = peek(value, key);
        if (isUnknown(profile)) {
            result.addons.push({ key, profile: {}, enabled: "unknown", unknownAt: addonPath(key) });
        } else if (!isDict(profile)) {
            ctx.violation(addonPath(key), wrongType("an add-on profile object", profile), `set ${addonPath(key, "enabled")} in an object`);
            result.reported = true;
        } else {
            const enabled = enabledState(peek(profile, "enabled"));
            result.addons.push({ key, profile, enabled, ...(enabled === "unknown" ? { unknownAt: addonPath(key, "enabled") } : {}) });
        }
    }
    return result;
}

/** The path of an add-on field in messages, e.g. `addonProfiles.omsagent.enabled`. */
export function addonPath(key: string, field?: string): string {
    return `addonProfiles.${key}${field ? `.${field}` : ""}`;
}

/**
 * For add-ons that must be on: reports nothing and returns true when one is enabled; defers when only an
 * unknown `enabled` could tell; otherwise reports the first profile's problem (absent, not true, wrong type).
 */
export function requireAddonOn(ctx: CheckContext<unknown>, found: Addons, name: string, absent: string): boolean {
    if (found.addons.some((a) => a.enabled === "on")) return true;
    const pending = found.addons.find((a) => a.enabled === "unknown");
    if (pending) ctx.defer(pending.unknownAt ?? addonPath(pending.key));
    if (pending || found.reported) return false;
    const addon = found.addons[0];
    const path = addonPath(addon?.key ?? name, "enabled");
    const problem = !addon ? absent : addon.enabled === "wrong" ? wrongType("a boolean", peek(addon.profile, "enabled")) : peek(addon.profile, "enabled") === undefined ? "is absent" : "is false";
    ctx.violation(path, problem, `set ${path}: true`);
    return false;
}

/** For add-ons that must be off: reports each enabled (or wrongly typed) profile, defers unknown ones. */
export function forbidAddon(ctx: CheckContext<unknown>, found: Addons, fix: (path: string) => string): void {
    for (const addon of found.addons) {
        const path = addonPath(addon.key, "enabled");
        if (addon.enabled === "on") ctx.violation(path, "is true", fix(path));
        else if (addon.enabled === "wrong") ctx.violation(path, wrongType("a boolean", peek(addon.profile, "enabled")), fix(path));
        else if (addon.enabled === "unknown") ctx.defer(addon.unknownAt ?? path);
    }
}
