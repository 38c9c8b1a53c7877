// GitHub Actions workflow commands: an annotation per finding on its file and line, notices for deferred
// verdicts, warnings for skipped inputs, then a one-line summary.
import { stdinPath } from "../inputs";
import { isFailing } from "../triage";
import { allFindings, type Location, type ScanReport } from "./model";

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions: data and properties are escaped differently.
const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

function command(kind: "error" | "warning" | "notice", message: string, at: Location & { title?: string }): string {
    const props = [
        ...(at.file && at.file !== stdinPath ? [`file=${escapeProperty(at.file)}`] : []),
        ...(at.file && at.file !== stdinPath && at.line ? [`line=${at.line}`] : []),
        ...(at.file && at.file !== stdinPath && at.column ? [`col=${at.column}`] : []),
        ...(at.title ? [`title=${escapeProperty(at.title)}`] : []),
    ];
    return `::${kind}${props.length ? ` ${props.join(",")}` : ""}::${escapeData(message)}`;
}

export function renderGithub(report: ScanReport): string {
    const lines: string[] = [];
    for (const stack of report.stacks) {
        for (const r of stack.resources) {
            for (const f of r.findings) {
                const kind = isFailing(f, report.triage.failOn) ? "error" : "warning";
                lines.push(command(kind, f.message, { ...f.location, title: `${f.policy} (${f.severity || "unspecified"}, ${f.level}): ${r.label}` }));
            }
        }
        for (const d of stack.deferred) lines.push(command("notice", `deferred during preview: ${d.reason}`, { ...(d.resource.location ?? {}), title: `${d.policy}: ${d.resource.label}` }));
    }
    for (const w of report.warnings) lines.push(command("warning", w.reason, { file: w.file, line: w.line, title: "cluster-guard: input skipped" }));
    const findings = allFindings(report);
    const deferred = report.stacks.reduce((n, s) => n + s.counts.deferred, 0);
    const exempted = report.stacks.reduce((n, s) => n + s.counts.exempted, 0);
    lines.push(
        `cluster-guard: ${findings.length} findings (${report.triage.failing} failing at --fail-on ${report.triage.failOn}), ${deferred} deferred, ${exempted} exempted, ${report.warnings.length} input warnings; exit ${report.exitCode}`,
    );
    return `${lines.join("\n")}\n`;
}
