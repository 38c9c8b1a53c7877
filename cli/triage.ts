// Triage: which findings a run shows and which fail it. Filters by severity, policy name and tag,
// hides baselined findings, and applies --fail-on.
import picomatch from "picomatch";
import type { PolicyInfo, Severity } from "../engine/runner";
import { globProblem } from "../policies/core/config";
import { countFindings, type Finding, type StackReport, type TriageSummary } from "./report/model";

export type FailOn = "mandatory" | "none" | Exclude<Severity, "">;
export const failOnChoices: readonly FailOn[] = ["mandatory", "none", "critical", "high", "medium", "low"];
export const severityChoices: readonly Exclude<Severity, "">[] = ["critical", "high", "medium", "low"];

export interface TriageOptions {
    /** Lowest severity shown. */
    minSeverity?: Exclude<Severity, "">;
    policies?: string[];
    skipPolicies?: string[];
    tags?: string[];
    skipTags?: string[];
    /** Fingerprints to hide. */
    baseline?: ReadonlySet<string>;
    failOn: FailOn;
}

export class TriageError extends Error {}

const rank: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, "": 0 };

/** Policy names the options select; a pattern or tag that selects nothing is a mistake worth an error. */
export function selectedPolicies(policies: readonly PolicyInfo[], options: TriageOptions): Set<string> {
    const names = policies.map((p) => p.name);
    const tags = new Set(policies.flatMap((p) => p.tags));
    for (const pattern of [...(options.policies ?? []), ...(options.skipPolicies ?? [])]) {
        const problem = globProblem(pattern);
        if (problem) throw new TriageError(`policy pattern "${pattern}" is not a valid glob pattern (${problem})`);
        const matches = picomatch(pattern);
        if (!names.some((n) => matches(n))) throw new TriageError(`policy pattern "${pattern}" matches no policy (see cluster-guard policies)`);
    }
    for (const tag of [...(options.tags ?? []), ...(options.skipTags ?? [])]) {
        if (!tags.has(tag)) throw new TriageError(`tag "${tag}" is not a tag of any policy (see cluster-guard policies)`);
    }
    const include = options.policies?.length ? picomatch(options.policies) : () => true;
    const exclude = options.skipPolicies?.length ? picomatch(options.skipPolicies) : () => false;
    const minimum = options.minSeverity ? rank[options.minSeverity] : 0;
    return new Set(
        policies
            .filter((p) => include(p.name) && !exclude(p.name))
            .filter((p) => !options.tags?.length || p.tags.some((t) => options.tags!.includes(t)))
            .filter((p) => !p.tags.some((t) => options.skipTags?.includes(t)))
            .filter((p) => rank[p.severity] >= minimum)
            .map((p) => p.name),
    );
}

export function isFailing(f: Finding, failOn: FailOn): boolean {
    if (failOn === "none") return false;
    if (failOn === "mandatory") return f.level === "mandatory";
    return rank[f.severity] >= rank[failOn];
}

/** Applies the filters and the baseline; findings hidden are counted, never silently lost. */
export function triage(stacks: readonly StackReport[], policies: readonly PolicyInfo[], options: TriageOptions): { stacks: StackReport[]; summary: TriageSummary } {
    const selected = selectedPolicies(policies, options);
    let filtered = 0;
    let baselined = 0;
    const shown = (f: Finding) => {
        if (!selected.has(f.policy)) return (filtered++, false);
        if (options.baseline?.has(f.fingerprint)) return (baselined++, false);
        return true;
    };
    const result = stacks.map((stack) => {
        const resources = stack.resources.map((r) => ({ ...r, findings: r.findings.filter(shown) })).filter((r) => r.findings.length > 0);
        const deferred = stack.deferred.filter((d) => selected.has(d.policy));
        const exemptions = stack.exemptions.filter((e) => selected.has(e.policy));
        const notApplicable = stack.notApplicable.filter((n) => selected.has(n.policy));
        const counts = countFindings(resources.flatMap((r) => r.findings), deferred.length, exemptions.length);
        return { ...stack, resources, deferred, exemptions, notApplicable, counts };
    });
    const failing = result.flatMap((s) => s.resources.flatMap((r) => r.findings)).filter((f) => isFailing(f, options.failOn)).length;
    return { stacks: result, summary: { filtered, baselined, failOn: options.failOn, failing } };
}
