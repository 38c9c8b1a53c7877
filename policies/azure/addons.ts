// AKS add-ons live in the ManagedCluster's `addonProfiles` map. Its keys are case-insensitive on the
// Azure side (omsagent / omsAgent), so they are matched without regard to case.
import { asBool, asDict, asString, type Dict } from "../core";

export interface Addon {
    /** The key as written, for messages. */
    key: string;
    profile: Dict | undefined;
    /** `enabled`, or undefined when absent or not a boolean. */
    enabled: boolean | undefined;
}

/** Every profile whose key equals `name` without regard to case. */
export function findAddons(cluster: unknown, name: string): Addon[] {
    const profiles = asDict(asDict(cluster)?.addonProfiles);
    if (!profiles) return [];
    const wanted = name.toLowerCase();
    return Object.keys(profiles)
        .filter((key) => key.toLowerCase() === wanted)
        .map((key) => {
            const profile = asDict(profiles[key]);
            return { key, profile, enabled: asBool(profile?.enabled) };
        });
}

/** The path of an add-on field in messages, e.g. `addonProfiles.omsagent.enabled`. */
export function addonPath(key: string, field: string): string {
    return `addonProfiles.${key}.${field}`;
}

/** A config value of an add-on (they are all strings), e.g. enableSecretRotation. */
export function addonConfig(addon: Addon, key: string): string | undefined {
    return asString(asDict(addon.profile?.config)?.[key]);
}
