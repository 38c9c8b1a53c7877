// The scan report every output format renders: findings located to the line, deferred verdicts,
// exemptions and input warnings, per stack, plus what triage hid.
import type { PolicyInfo, Severity } from "../../engine/runner";
import type { InputWarning } from "../inputs";
import type { FailOn } from "../triage";

export interface Location {
    /** The input file, when the resource came from one. */
    file?: string;
    line?: number;
    column?: number;
    /** JSON pointer into the file (stack exports and [{type, name, props}] files). */
    pointer?: string;
}

export interface ResourceRef {
    urn: string;
    type: string;
    /** How messages name it: `Deployment "shop/web"`, `Cluster "prod"`. */
    label: string;
    location?: Location;
}

export interface Finding {
    policy: string;
    severity: Severity;
    level: "advisory" | "mandatory" | "remediate" | "disabled";
    /** The policy's message, without the SDK's description line. */
    message: string;
    /** The field the message names first, e.g. spec.template.spec.containers[0].image, when it names one. */
    field?: string;
    location: Location;
    /** Stable across runs and message wording: policy, resource identity and field (baselines, SARIF). */
    fingerprint: string;
}

export interface ResourceFindings extends ResourceRef {
    findings: Finding[];
}

/** A verdict a policy could not reach during preview because a value it reads is unknown. */
export interface Deferred {
    policy: string;
    resource: ResourceRef;
    reason: string;
}

export type ExemptionSource = "config" | "annotation" | "tag";

export interface Exemption {
    policy: string;
    resource: ResourceRef;
    reason: string;
    source: ExemptionSource;
    /** Stack policies drop exempted findings inside the pack; this lists the exemption the resource declares. */
    declaredOnly?: boolean;
}

export interface NotApplicable {
    policy: string;
    resource: ResourceRef;
    reason: string;
}

export interface Counts {
    mandatory: number;
    advisory: number;
    deferred: number;
    exempted: number;
    bySeverity: Record<"critical" | "high" | "medium" | "low" | "unspecified", number>;
}

export interface StackReport {
    source: string;
    files: string[];
    resourcesScanned: number;
    resources: ResourceFindings[];
    deferred: Deferred[];
    exemptions: Exemption[];
    notApplicable: NotApplicable[];
    remediations: { urn: string; policy: string }[];
    counts: Counts;
}

export interface TriageSummary {
    /** Findings hidden by --severity, --policy, --skip-policy, --tag, --skip-tag. */
    filtered: number;
    /** Findings hidden because the baseline lists them. */
    baselined: number;
    failOn: FailOn;
    /** Findings at or above the --fail-on threshold. */
    failing: number;
}

export interface ScanReport {
    tool: { name: string; version: string };
    pack: { name: string; version: string };
    /** The --config file, if any. */
    config?: string;
    paths: string[];
    mode: "preview" | "update";
    namespace?: string;
    filesRead: number;
    stacks: StackReport[];
    warnings: InputWarning[];
    triage: TriageSummary;
    policies: PolicyInfo[];
    exitCode: number;
}

export const severityOrder: readonly Severity[] = ["critical", "high", "medium", "low", ""];

export function countFindings(findings: readonly Finding[], deferred: number, exempted: number): Counts {
    const bySeverity: Counts["bySeverity"] = { critical: 0, high: 0, medium: 0, low: 0, unspecified: 0 };
    for (const f of findings) bySeverity[f.severity || "unspecified"]++;
    return {
        mandatory: findings.filter((f) => f.level === "mandatory").length,
        advisory: findings.filter((f) => f.level !== "mandatory").length,
        deferred,
        exempted,
        bySeverity,
    };
}

export const allFindings = (report: ScanReport): Finding[] => report.stacks.flatMap((s) => s.resources.flatMap((r) => r.findings));
