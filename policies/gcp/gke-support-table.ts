// GKE minor versions and the last day of their standard support, reviewed on 2026-11-30. Dates from
// endoflife.date/google-kubernetes-engine only (snapshot of 2026-08-21, its "Maintenance Support" end, which it
// takes from the "End of standard support" column of the GKE release schedule,
// https://cloud.google.com/kubernetes-engine/docs/release-schedule): the stored copies of the vendor schedule
// reachable here show only its 1.24-1.27 rows, which agree (1.25: 2024-03-30, 1.26: 2024-06-30).
// This is the end of STANDARD support, not of extended support: the Extended channel keeps a minor version
// patched for about 10 more months (24 months from Regular availability in all) at extra cost, and is not
// counted, as EKS extended support and AKS long-term support are not. No release after 1.36 was listed; a
// newer version counts as current. Config `supportTableOverrides` corrects or extends it without a release.
import type { SupportCalendar } from "../core";

export const gkeSupportCalendar: SupportCalendar = {
    support: "GKE standard support",
    reviewedOn: "2026-11-30",
    endOfSupport: {
        "1.21": "2023-01-31",
        "1.22": "2023-04-30",
        "1.23": "2023-07-31",
        "1.24": "2023-10-31",
        "1.25": "2024-03-30",
        "1.26": "2024-06-30",
        "1.27": "2024-10-01",
        "1.28": "2025-02-04",
        "1.29": "2025-04-12",
        "1.30": "2025-09-30",
        "1.31": "2026-01-16",
        "1.32": "2026-04-11",
        "1.33": "2026-08-03",
        "1.34": "2026-10-01",
        "1.35": "2027-04-11",
        "1.36": "2027-08-09",
    },
};
