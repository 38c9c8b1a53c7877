// AKS Kubernetes version support, as a dated table. Sources: the AKS release calendar
// (learn.microsoft.com/azure/aks/supported-kubernetes-versions, which gives months) and the exact dates
// collected by endoflife.date from the AKS release notes. A version missing here counts as current; users
// add newer versions or correct dates with the `supportTableOverrides` config of the version policies.
import { type SupportTable, versionConfigSchema } from "../core";

/** Minor version to the last day of AKS community (standard) support. LTS support is not counted. */
export const aksSupportTable: SupportTable = {
    "1.21": "2022-07-31",
    "1.22": "2022-12-04",
    "1.23": "2023-04-02",
    "1.24": "2023-07-31",
    "1.25": "2024-01-14",
    "1.26": "2024-03-31",
    "1.27": "2024-07-31",
    "1.28": "2025-01-31",
    "1.29": "2025-03-31",
    "1.30": "2025-07-31",
    "1.31": "2025-11-30",
    "1.32": "2026-03-31",
    // The AKS calendar gives Jul 2026 (confirmed by AKS rejecting 1.33 outside LTS in Jul 2026); the month's last day.
    "1.33": "2026-07-31",
};

export const aksVersionConfigSchema = { properties: { ...versionConfigSchema } };

export const aksVersionsUrl = "https://learn.microsoft.com/azure/aks/supported-kubernetes-versions";
