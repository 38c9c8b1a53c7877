// The date every time-dependent verdict in tests and the demo is judged on, so no test changes its
// outcome as the calendar moves (version support tables end on fixed dates).
export const referenceDate = "2026-11-30";

/** The version-currency policies, whose config takes `referenceDate`. */
export const versionPolicies = ["eks-version-currency", "aks-version-supported", "aks-node-version-supported", "gke-version-supported"] as const;

/** A --policy-pack-config that pins the reference date of every version policy. */
export function pinnedConfig(date: string = referenceDate): Record<string, { referenceDate: string }> {
    return Object.fromEntries(versionPolicies.map((name) => [name, { referenceDate: date }]));
}
