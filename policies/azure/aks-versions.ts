// AKS Kubernetes version support, as a dated calendar that the control-plane and node-pool version policies
// share (node pools are supported on the same dates as the control plane). Reviewed on 2026-11-30.
// Sources:
// - 1.29-1.37: the "AKS Kubernetes release calendar" and "LTS versions" tables of Supported Kubernetes
//   versions in AKS (learn.microsoft.com/azure/aks/supported-kubernetes-versions, source
//   MicrosoftDocs/azure-aks-docs articles/aks/supported-kubernetes-versions.md, ms.date 2026-08-05). The
//   calendar gives months; "Unless an explicit date is provided, the End of Life date is the last day of the
//   specified month", so "Mar 2026" is 2026-03-31. 1.37 (AKS GA Oct 2026) is listed with its planned dates.
// - 1.21-1.28: only from endoflife.date/azure-kubernetes-service (snapshot of 2026-08-22, dates taken from the
//   AKS release notes); the vendor page no longer lists them.
// Users add newer versions or correct dates with the `supportTableOverrides` config of the version policies.
import { minorVersion, type SupportCalendar, type SupportTable, type VersionConfig, versionConfigSchema, versionProblem } from "../core";

/**
 * Last day of AKS community support per minor version. Paid long-term support (Premium tier with
 * supportPlan AKSLongTermSupport) is not counted, as EKS extended support and the GKE Extended channel are
 * not: each keeps an old minor version alive at extra cost. Messages name the LTS date for teams on it.
 */
export const aksSupportCalendar: SupportCalendar = {
    support: "AKS community support",
    reviewedOn: "2026-11-30",
    endOfSupport: {
        "1.21": "2022-07-31",
        "1.22": "2022-12-04",
        "1.23": "2023-04-02",
        "1.24": "2023-07-31",
        "1.25": "2024-01-14",
        "1.26": "2024-04-11",
        "1.27": "2024-07-31",
        "1.28": "2025-01-31",
        "1.29": "2025-03-31",
        "1.30": "2025-08-22",
        "1.31": "2025-11-01",
        "1.32": "2026-03-31",
        "1.33": "2026-07-31",
        "1.34": "2026-11-30",
        "1.35": "2027-03-31",
        "1.36": "2027-06-30",
        "1.37": "2027-10-31",
    },
};

/** Last day of AKS long-term support (LTS End of life), from the same sources; 1.27-1.28 from endoflife.date only. */
export const aksLongTermSupportEnd: SupportTable = {
    "1.27": "2025-07-31",
    "1.28": "2026-02-28",
    "1.29": "2026-04-30",
    "1.30": "2026-07-31",
    "1.31": "2026-11-30",
    "1.32": "2027-03-31",
    "1.33": "2027-07-31",
    "1.34": "2027-11-30",
    "1.35": "2028-03-31",
    "1.36": "2028-06-30",
    "1.37": "2028-10-31",
};

export const aksVersionConfigSchema = { properties: { ...versionConfigSchema } };

export const aksVersionsUrl = "https://learn.microsoft.com/azure/aks/supported-kubernetes-versions";

export interface AksVersionFinding {
    problem: string;
    fix: string;
}

/** Why a control-plane or node-pool version fails, with the fix for `path`; undefined when it passes. */
export function aksVersionFinding(value: unknown, config: VersionConfig, path: string): AksVersionFinding | undefined {
    const found = versionProblem(value, config);
    if (!found) return undefined;
    if (!found.expired) return { problem: found.problem, fix: `set ${path} to a supported minor version such as "1.36"` };
    // An overridden community date replaces the built-in calendar's view of that version, LTS included.
    const minor = minorVersion(value);
    const ltsEnd = minor && !config.overridden.has(minor) ? aksLongTermSupportEnd[minor] : undefined;
    const withinLts = ltsEnd !== undefined && config.referenceDate.getTime() <= new Date(`${ltsEnd}T23:59:59Z`).getTime();
    const ltsNote = withinLts ? `; paid long-term support (supportPlan AKSLongTermSupport) lasts until ${ltsEnd}, which this policy does not count` : "";
    return { problem: found.problem + ltsNote, fix: `upgrade ${path} to a supported minor version` };
}
