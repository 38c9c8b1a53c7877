// Kubernetes version currency: dated support tables per cloud, judged with semver. A version the table
// does not know yet counts as current, so a new release never raises a false alarm.
import * as semver from "semver";

/** Minor version ("1.30") to the last day of standard support (ISO date). */
export type SupportTable = Readonly<Record<string, string>>;

/** "1.29", "1.29.3", "v1.29.3-gke.100", "1.29.3-eks-abc" -> "1.29"; undefined when not a version. */
export function minorVersion(version: unknown): string | undefined {
    if (typeof version !== "string") return undefined;
    const parsed = semver.coerce(version);
    return parsed ? `${parsed.major}.${parsed.minor}` : undefined;
}

export interface SupportVerdict {
    minor: string;
    /** Last day of standard support, or undefined when the table does not know the version. */
    endOfSupport?: string;
    expired: boolean;
}

/** Judges a version against a table (config overrides merged over built-ins) on a reference date. */
export function supportStatus(version: unknown, table: SupportTable, referenceDate: Date): SupportVerdict | undefined {
    const minor = minorVersion(version);
    if (!minor) return undefined;
    const endOfSupport = table[minor];
    if (!endOfSupport) return { minor, expired: false };
    const end = new Date(`${endOfSupport}T23:59:59Z`);
    return { minor, endOfSupport, expired: referenceDate.getTime() > end.getTime() };
}

/** Config properties shared by every version-currency policy. */
export const versionConfigSchema = {
    supportTableOverrides: {
        type: "object" as const,
        description: 'Minor version to end-of-support date, merged over the built-in table, e.g. {"1.30": "2025-07-23"}.',
        additionalProperties: { type: "string" as const, pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
        default: {},
    },
    referenceDate: {
        type: "string" as const,
        description: "Judge support as of this ISO date instead of today, e.g. to plan ahead.",
        pattern: "^\\d{4}-\\d{2}-\\d{2}$",
    },
};

export interface VersionConfig {
    table: SupportTable;
    referenceDate: Date;
}

/** Parses the shared version config over a built-in table. */
export function parseVersionConfig(raw: Record<string, unknown>, builtIn: SupportTable): VersionConfig {
    const overrides = (raw.supportTableOverrides ?? {}) as Record<string, string>;
    const referenceDate = typeof raw.referenceDate === "string" ? new Date(`${raw.referenceDate}T00:00:00Z`) : new Date();
    return { table: { ...builtIn, ...overrides }, referenceDate };
}
