// Scans stacks through the engine runner and renders the findings, grouped by resource.
import type { Evaluation, PolicyDiagnostic, PolicyInfo, PolicyPackRunner } from "../engine/runner";
import type { ScanStack } from "./inputs";

export interface Finding {
    policy: string;
    level: PolicyDiagnostic["enforcementLevel"];
    severity: PolicyDiagnostic["severity"];
    message: string;
    remediation: string;
    url: string;
}

export interface ResourceFindings {
    urn: string;
    type: string;
    name: string;
    findings: Finding[];
}

export interface StackReport {
    source: string;
    resourcesScanned: number;
    resources: ResourceFindings[];
    remediations: { urn: string; policy: string }[];
    counts: { mandatory: number; advisory: number };
}

/** The SDK prefixes each message with the policy description; the detail line is what names the field. */
function detailOf(d: PolicyDiagnostic): string {
    const prefix = `${d.description}\n`;
    return d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message;
}

export function buildReport(stack: ScanStack, evaluation: Evaluation, policies: readonly PolicyInfo[]): StackReport {
    const byName = new Map(policies.map((p) => [p.name, p]));
    const byUrn = new Map<string, ResourceFindings>();
    const entryFor = (urn: string, type: string, name: string) => {
        let entry = byUrn.get(urn);
        if (!entry) byUrn.set(urn, (entry = { urn, type, name, findings: [] }));
        return entry;
    };
    const add = (d: PolicyDiagnostic, fallback: { urn: string; type: string; name: string }) => {
        const urn = d.urn || fallback.urn;
        const parts = urn.split("::");
        const entry = d.urn ? entryFor(urn, parts[2] ?? fallback.type, parts[3] ?? fallback.name) : entryFor(fallback.urn, fallback.type, fallback.name);
        const policy = byName.get(d.policyName);
        entry.findings.push({
            policy: d.policyName,
            level: d.enforcementLevel,
            severity: d.severity,
            message: detailOf(d),
            remediation: policy?.remediationSteps ?? "",
            url: policy?.url ?? "",
        });
    };
    const remediations: StackReport["remediations"] = [];
    for (const { resource, result, remediations: applied } of evaluation.resources) {
        const urn = result.diagnostics[0]?.urn ?? resource.urn ?? "";
        for (const d of result.diagnostics) add(d, { urn: d.urn, type: resource.type, name: resource.name });
        for (const r of applied) if (r.properties) remediations.push({ urn: urn || resource.name, policy: r.policyName });
    }
    for (const d of evaluation.stack.diagnostics) add(d, { urn: "(stack)", type: "stack", name: stack.source });
    const resources = [...byUrn.values()];
    const all = resources.flatMap((r) => r.findings);
    return {
        source: stack.source,
        resourcesScanned: stack.inputs.length,
        resources,
        remediations,
        counts: {
            mandatory: all.filter((f) => f.level === "mandatory").length,
            advisory: all.filter((f) => f.level === "advisory").length,
        },
    };
}

export async function scanStack(runner: PolicyPackRunner, stack: ScanStack): Promise<StackReport> {
    const evaluation = await runner.evaluate(stack.inputs, stack.outputs);
    return buildReport(stack, evaluation, runner.info.policies);
}

const severityRank: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, "": 4 };

function indent(text: string, prefix: string): string {
    return text.split("\n").map((line) => prefix + line).join("\n");
}

export function renderText(report: StackReport, options: { remediation?: boolean } = {}): string {
    const lines: string[] = [`${report.source}`];
    if (report.resources.length === 0) {
        lines.push(`  no violations (${report.resourcesScanned} resources)`);
        return lines.join("\n");
    }
    for (const r of report.resources) {
        lines.push(`  ${r.type} "${r.name}"`);
        const sorted = [...r.findings].sort((a, b) => (severityRank[a.severity] ?? 9) - (severityRank[b.severity] ?? 9));
        for (const f of sorted) {
            const mark = f.level === "mandatory" ? "✖" : "!";
            lines.push(`    ${mark} ${f.level.padEnd(9)} ${(f.severity || "-").padEnd(8)} ${f.policy}`);
            lines.push(indent(f.message, "        "));
            if (options.remediation !== false && f.remediation) lines.push(indent(`Remediation: ${f.remediation}${f.url ? ` (${f.url})` : ""}`, "        "));
        }
    }
    for (const r of report.remediations) lines.push(`  remediated by ${r.policy}: ${r.urn}`);
    lines.push(`  ${report.counts.mandatory} mandatory, ${report.counts.advisory} advisory finding(s) in ${report.resources.length} of ${report.resourcesScanned} resources`);
    return lines.join("\n");
}
