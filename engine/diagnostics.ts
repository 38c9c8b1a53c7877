// What a deferred verdict says. Whether a diagnostic is one is decided by isDeferral (runner.ts) only.
import { isDeferral, type PolicyDiagnostic } from "./runner";

const marker = " during preview: ";

/** The reason of a deferred verdict: the text after the SDK's `... during preview: ` prefix; undefined for a finding. */
export function deferredReason(d: Pick<PolicyDiagnostic, "policyName" | "message">): string | undefined {
    if (!isDeferral(d)) return undefined;
    const at = d.message.indexOf(marker);
    return at >= 0 ? d.message.slice(at + marker.length) : d.message;
}
