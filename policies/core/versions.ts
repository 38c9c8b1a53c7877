// Kubernetes version currency: dated support calendars per cloud, judged with semver on a reference date.
// A version newer than the newest entry counts as current, so a new release never raises a false alarm; a
// version older than the oldest entry is past support, since calendars drop versions long out of support.
import * as semver from "semver";
import { PolicyConfigError } from "./config";
import { show, wrongType } from "./values";

/** Minor version ("1.30") to the last day of support (ISO date). */
export type SupportTable = Readonly<Record<string, string>>;

/** A built-in support table, what its dates mean, and when it was last checked against its sources. */
export interface SupportCalendar {
    /** What the dates end, for messages, e.g. "EKS standard support". */
    support: string;
    endOfSupport: SupportTable;
    /** The day the table was last checked against the vendor's calendar (ISO date). */
    reviewedOn: string;
}

/** A table older than this, measured back from the reference date, may miss changes. */
const staleAfterMonths = 6;

/** "1.29", "1.29.3", "v1.29.3-gke.100", "1.29.3-eks-abc" -> "1.29"; undefined when not a version. */
export function minorVersion(version: unknown): string | undefined {
    if (typeof version !== "string") return undefined;
    const parsed = semver.coerce(version);
    return parsed ? `${parsed.major}.${parsed.minor}` : undefined;
}

/** Orders minor versions numerically ("1.9" before "1.10"). */
export function compareMinor(a: string, b: string): number {
    const [aMajor, aMinor] = a.split(".").map(Number);
    const [bMajor, bMinor] = b.split(".").map(Number);
    return aMajor - bMajor || aMinor - bMinor;
}

/** A strict ISO calendar date (YYYY-MM-DD) at 00:00 UTC; undefined for "2025-13-45", "2025-02-30" or other text. */
export function parseCalendarDate(text: unknown): Date | undefined {
    if (typeof text !== "string") return undefined;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return undefined;
    const [year, month, day] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls impossible days over (Feb 30 -> Mar 2): a real date reads back unchanged.
    const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    return real ? date : undefined;
}

export interface SupportVerdict {
    minor: string;
    /** Last day of support: the version's own, or for a version older than the table, the oldest entry's. */
    endOfSupport?: string;
    expired: boolean;
    /** Set when the version is older than every entry: its support ended on or before `endOfSupport`. */
    olderThan?: string;
}

/** Judges a version against a table on a reference date; undefined when the value is not a version. */
export function supportStatus(version: unknown, table: SupportTable, referenceDate: Date): SupportVerdict | undefined {
    const minor = minorVersion(version);
    if (!minor) return undefined;
    const endOfSupport = table[minor];
    if (endOfSupport) {
        const lastMoment = new Date(`${endOfSupport}T23:59:59Z`);
        return { minor, endOfSupport, expired: referenceDate.getTime() > lastMoment.getTime() };
    }
    const oldest = Object.keys(table).sort(compareMinor)[0];
    if (oldest !== undefined && compareMinor(minor, oldest) < 0) {
        return { minor, endOfSupport: table[oldest], expired: true, olderThan: oldest };
    }
    return { minor, expired: false };
}

const isoDate = "^\\d{4}-\\d{2}-\\d{2}$";

/** Config properties shared by every version-currency policy. */
export const versionConfigSchema = {
    supportTableOverrides: {
        type: "object" as const,
        description:
            'Minor version to last day of support (a real calendar date), merged over the built-in table, e.g. {"1.30": "2025-07-23"}. ' +
            "Use it to add versions or correct dates when the built-in table is stale.",
        propertyNames: { pattern: "^\\d+\\.\\d+$" },
        additionalProperties: { type: "string" as const, pattern: isoDate },
        default: {},
    },
    referenceDate: {
        type: "string" as const,
        description: "Judge support as of this calendar date (YYYY-MM-DD) instead of today, e.g. to plan ahead.",
        pattern: isoDate,
    },
};

export interface VersionConfig {
    /** The built-in calendar with the config's overrides merged in. */
    calendar: SupportCalendar;
    /** Minor versions whose dates come from `supportTableOverrides`, not from the reviewed table. */
    overridden: ReadonlySet<string>;
    referenceDate: Date;
}

/** Parses the shared version config over a built-in calendar; throws PolicyConfigError naming the key. */
export function parseVersionConfig(policyName: string, raw: Record<string, unknown>, builtIn: SupportCalendar): VersionConfig {
    const fail = (message: string) => new PolicyConfigError(policyName, message);
    let referenceDate = new Date();
    if (raw.referenceDate !== undefined) {
        const parsed = parseCalendarDate(raw.referenceDate);
        if (!parsed) throw fail(`referenceDate is ${show(raw.referenceDate)}, which is not a real calendar date (YYYY-MM-DD)`);
        referenceDate = parsed;
    }
    const overrides = raw.supportTableOverrides ?? {};
    if (typeof overrides !== "object" || overrides === null || Array.isArray(overrides)) {
        throw fail(`supportTableOverrides ${wrongType('an object such as {"1.30": "2025-07-23"}', overrides)}`);
    }
    for (const [minor, date] of Object.entries(overrides)) {
        if (!/^\d+\.\d+$/.test(minor)) throw fail(`supportTableOverrides key ${show(minor)} is not a minor version such as "1.30"`);
        if (!parseCalendarDate(date)) throw fail(`supportTableOverrides["${minor}"] is ${show(date)}, which is not a real calendar date (YYYY-MM-DD)`);
    }
    const endOfSupport: SupportTable = { ...builtIn.endOfSupport, ...(overrides as SupportTable) };
    return { calendar: { ...builtIn, endOfSupport }, overridden: new Set(Object.keys(overrides)), referenceDate };
}

/** The day after which a table reviewed on `reviewedOn` counts as stale. */
function staleAfter(reviewedOn: string): Date {
    const reviewed = parseCalendarDate(reviewedOn) ?? new Date(0);
    return new Date(Date.UTC(reviewed.getUTCFullYear(), reviewed.getUTCMonth() + staleAfterMonths, reviewed.getUTCDate()));
}

/** Whether a calendar was reviewed more than 6 months before the reference date. */
export function isStale(calendar: SupportCalendar, referenceDate: Date): boolean {
    return referenceDate.getTime() > staleAfter(calendar.reviewedOn).getTime();
}

/** One sentence for a policy's remediation text and the docs: the table's span and review date. */
export function describeCalendar(calendar: SupportCalendar): string {
    const versions = Object.keys(calendar.endOfSupport).sort(compareMinor);
    const [oldest, newest] = [versions[0], versions[versions.length - 1]];
    return (
        `The built-in table gives the end of ${calendar.support} for ${oldest} to ${newest} and was reviewed on ${calendar.reviewedOn}; ` +
        `a version older than ${oldest} is past support, one newer than ${newest} counts as current, and findings more than ` +
        `${staleAfterMonths} months after the review say its dates may be stale.`
    );
}

export interface VersionProblem {
    /** Completes "<path> ...", e.g. `is "1.29": EKS standard support for 1.29 ended on 2025-03-23`. */
    problem: string;
    /** True when the version is past support; false when the value is not a version at all. */
    expired: boolean;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Why a pinned version fails, or undefined when it passes. A value that is not a string fails with its type;
 * a string that is not a version fails unless `acceptAliases` (GKE takes "latest").
 */
export function versionProblem(value: unknown, config: VersionConfig, acceptAliases = false): VersionProblem | undefined {
    if (typeof value !== "string") return { problem: wrongType('a version string such as "1.36"', value), expired: false };
    const verdict = supportStatus(value, config.calendar.endOfSupport, config.referenceDate);
    if (!verdict) return acceptAliases ? undefined : { problem: `is ${show(value)}, which is not a Kubernetes version`, expired: false };
    if (!verdict.expired) return undefined;
    const { support } = config.calendar;
    if (verdict.olderThan) {
        return {
            problem: `is ${show(value)}, older than every version in the ${support} table: support for ${verdict.olderThan}, the oldest listed, ended on ${verdict.endOfSupport}`,
            expired: true,
        };
    }
    let problem = `is ${show(value)}: ${support} for ${verdict.minor} ended on ${verdict.endOfSupport}`;
    if (!config.overridden.has(verdict.minor) && isStale(config.calendar, config.referenceDate)) {
        problem +=
            ` (the built-in table was reviewed on ${config.calendar.reviewedOn}, more than ${staleAfterMonths} months before ${day(config.referenceDate)}, ` +
            "so its dates may be stale: correct them with the supportTableOverrides config)";
    }
    return { problem, expired: true };
}
