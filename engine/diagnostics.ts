// What a diagnostic means beyond its fields. Recognised here only, so reports agree on it.
import type { PolicyDiagnostic } from "./runner";

/**
 * During a preview the SDK turns a policy that read an unknown value into an advisory diagnostic
 * `can't run policy '<name>' from policy pack '<pack>@v<version>' during preview: <why>`.
 * That is a deferred verdict, not a finding.
 */
export function deferredPrefix(d: Pick<PolicyDiagnostic, "policyName" | "policyPackName" | "policyPackVersion">): string {
    return `can't run policy '${d.policyName}' from policy pack '${d.policyPackName}@v${d.policyPackVersion}' during preview: `;
}

/** The reason a diagnostic is a deferred verdict (the text after the SDK's prefix), or undefined for a finding. */
export function deferredReason(d: Pick<PolicyDiagnostic, "policyName" | "policyPackName" | "policyPackVersion" | "message">): string | undefined {
    const prefix = deferredPrefix(d);
    return d.message.startsWith(prefix) ? d.message.slice(prefix.length) : undefined;
}
