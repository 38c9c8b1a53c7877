// The JSON report: everything the text report says, for programs. Remediation and URLs appear once per
// policy under `policies`, not per finding.
import { allFindings, type ScanReport } from "./model";

export function renderJson(report: ScanReport): string {
    const used = new Set([...allFindings(report), ...report.stacks.flatMap((s) => s.deferred)].map((f) => f.policy));
    const policies = Object.fromEntries(
        report.policies
            .filter((p) => used.has(p.name))
            .map((p) => [p.name, { severity: p.severity, tags: p.tags, description: p.description, remediation: p.remediationSteps, url: p.url }]),
    );
    const total = (key: "mandatory" | "advisory" | "deferred" | "exempted") => report.stacks.reduce((n, s) => n + s.counts[key], 0);
    const out = {
        tool: report.tool,
        pack: report.pack,
        config: report.config ?? null,
        paths: report.paths,
        mode: report.mode,
        namespace: report.namespace ?? null,
        filesRead: report.filesRead,
        summary: {
            resources: report.stacks.reduce((n, s) => n + s.resourcesScanned, 0),
            mandatory: total("mandatory"),
            advisory: total("advisory"),
            deferred: total("deferred"),
            exempted: total("exempted"),
            warnings: report.warnings.length,
            ...report.triage,
            exitCode: report.exitCode,
        },
        warnings: report.warnings,
        stacks: report.stacks,
        policies,
    };
    return `${JSON.stringify(out, null, 2)}\n`;
}
