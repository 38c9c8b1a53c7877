// Issue 15 rule (a): an unknown value never yields a violation that claims an insecure value. Checked as:
// making fields unknown never adds a violation for any policy, compared with the unmutated input.
import { type AnalyzeResult, isDeferral } from "../../engine/runner";

export interface AddedViolations {
    policy: string;
    before: number;
    after: number;
    /** The mutated input's messages of that policy (the new ones among them). */
    messages: string[];
}

/** Violations (not the unknown-value notes) per policy. */
function violationsByPolicy(result: AnalyzeResult): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const d of result.diagnostics) {
        if (isDeferral(d)) continue;
        out.set(d.policyName, [...(out.get(d.policyName) ?? []), d.message]);
    }
    return out;
}

/** Policies that report more violations on the mutated input than on the unmutated one. */
export function addedViolations(baseline: AnalyzeResult, mutated: AnalyzeResult): AddedViolations[] {
    const before = violationsByPolicy(baseline);
    const added: AddedViolations[] = [];
    for (const [policy, messages] of violationsByPolicy(mutated)) {
        const count = before.get(policy)?.length ?? 0;
        if (messages.length > count) added.push({ policy, before: count, after: messages.length, messages });
    }
    return added;
}
