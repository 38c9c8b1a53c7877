// GKE minor versions and their end of standard support (last day), from the GKE release schedule
// (https://cloud.google.com/kubernetes-engine/docs/release-schedule), as tracked by endoflife.date on
// 2026-02-19. Config `supportTableOverrides` updates it without a release.
import type { SupportTable } from "../core";

export const gkeSupportTable: SupportTable = {
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
};
