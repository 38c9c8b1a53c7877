// The human report: a header, findings grouped by resource with locations, each remediation once per
// policy, deferred verdicts, exemptions (under --show-exempt), input warnings and a closing summary.
import { formatWarning } from "../inputs";
import { splitMessage } from "./locations";
import { allFindings, type Finding, type Location, type ScanReport, severityOrder, type StackReport } from "./model";
import { styler, type Terminal, wrap } from "./terminal";

export interface TextOptions {
    terminal: Terminal;
    remediation: boolean;
    showExempt: boolean;
}

const plural = (n: number, word: string, many = `${word}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? word : many}`;

export function formatLocation(l: Location): string {
    if (!l.file) return "";
    return `${l.file}${l.line ? `:${l.line}${l.column ? `:${l.column}` : ""}` : ""}${l.pointer && !l.line ? `#${l.pointer}` : ""}`;
}

/** One line, however many paths: the old report's first line listed every file. */
function scannedLine(report: ScanReport): string {
    const shown = report.paths.slice(0, 3).join(", ");
    const more = report.paths.length > 3 ? ` and ${plural(report.paths.length - 3, "more path")}` : "";
    const resources = report.stacks.reduce((n, s) => n + s.resourcesScanned, 0);
    return `Scanned ${plural(report.filesRead, "file")} from ${shown}${more}: ${plural(resources, "resource")}`;
}

function header(report: ScanReport): string[] {
    const config = report.config ? `config ${report.config}` : "default config";
    const namespace = report.namespace ? ` · namespace ${report.namespace} for objects without one` : "";
    return [`cluster-guard ${report.tool.version} · pack ${report.pack.name}@${report.pack.version} · ${config} · ${report.mode}${namespace}`, scannedLine(report)];
}

const rankOf = (f: Finding) => severityOrder.indexOf(f.severity);

function findingLines(stack: StackReport, options: TextOptions, paint: ReturnType<typeof styler>): string[] {
    const lines: string[] = [];
    const width = options.terminal.width;
    for (const r of stack.resources) {
        const where = formatLocation(r.location ?? {});
        lines.push("", `${where ? `${paint("cyan", where)}  ` : ""}${paint("bold", r.label)}`);
        for (const f of [...r.findings].sort((a, b) => rankOf(a) - rankOf(b))) {
            const mandatory = f.level === "mandatory";
            const mark = mandatory ? paint("red", "✖") : paint("yellow", "!");
            const at = f.location.line && f.location.line !== r.location?.line ? paint("dim", ` line ${f.location.line}`) : "";
            lines.push(`  ${mark} ${(f.severity || "-").padEnd(8)} ${f.level.padEnd(9)} ${f.policy}${at}`);
            lines.push(wrap(splitMessage(f.message).text, width, "      "));
        }
    }
    return lines;
}

function remediationLines(report: ScanReport, options: TextOptions, paint: ReturnType<typeof styler>): string[] {
    const used = new Set(allFindings(report).map((f) => f.policy));
    const policies = report.policies.filter((p) => used.has(p.name) && p.remediationSteps);
    if (policies.length === 0) return [];
    const lines = ["", paint("bold", "How to fix (once per policy)")];
    for (const p of policies) {
        lines.push(wrap(`${p.name}: ${p.remediationSteps}`, options.terminal.width, "  ", "    "));
        if (p.url) lines.push(`    ${paint("dim", p.url)}`);
    }
    return lines;
}

function summaryLines(report: ScanReport, paint: ReturnType<typeof styler>, width: number): string[] {
    const findings = allFindings(report);
    const lines = ["", paint("bold", "Summary")];
    const perPolicy = new Map<string, Finding[]>();
    for (const f of findings) {
        const list = perPolicy.get(f.policy);
        if (list) list.push(f);
        else perPolicy.set(f.policy, [f]);
    }
    if (perPolicy.size > 0) {
        const width = Math.max(6, ...[...perPolicy.keys()].map((k) => k.length));
        lines.push(`  ${"Policy".padEnd(width)}  Severity  Level      Findings`);
        const rows = [...perPolicy.entries()].sort(([, a], [, b]) => rankOf(a[0]) - rankOf(b[0]) || b.length - a.length);
        for (const [name, list] of rows) {
            lines.push(`  ${name.padEnd(width)}  ${(list[0].severity || "-").padEnd(8)}  ${list[0].level.padEnd(9)}  ${String(list.length).padStart(8)}`);
        }
        const bySeverity = severityOrder
            .map((s) => [s || "unspecified", findings.filter((f) => f.severity === s).length] as const)
            .filter(([, n]) => n > 0)
            .map(([s, n]) => `${n} ${s}`);
        lines.push(`  By severity: ${bySeverity.join(", ")}`);
    }
    const total = (key: "mandatory" | "advisory" | "deferred" | "exempted") => report.stacks.reduce((n, s) => n + s.counts[key], 0);
    const withFindings = report.stacks.reduce((n, s) => n + s.resources.filter((r) => r.urn !== "(stack)").length, 0);
    const scanned = report.stacks.reduce((n, s) => n + s.resourcesScanned, 0);
    const parts = [
        `${total("mandatory")} mandatory and ${total("advisory")} advisory ${findings.length === 1 ? "finding" : "findings"} in ${withFindings} of ${plural(scanned, "resource")}`,
        `${total("deferred")} deferred`,
        `${total("exempted")} exempted`,
        ...(report.triage.baselined ? [`${report.triage.baselined} in the baseline`] : []),
        ...(report.triage.filtered ? [`${report.triage.filtered} filtered out`] : []),
        plural(report.warnings.length, "input warning"),
    ];
    lines.push(wrap(parts.join(" · "), width, "  ", "    "));
    const verdict =
        report.exitCode === 0
            ? paint("green", "passed")
            : report.exitCode === 1
              ? paint("red", `failed: ${plural(report.triage.failing, "finding")} at --fail-on ${report.triage.failOn}`)
              : paint("red", report.stacks.length === 0 ? "failed: nothing scanned" : "failed: input warnings under --strict");
    lines.push(`  Result: ${verdict} (exit ${report.exitCode})`);
    return lines;
}

export function renderText(report: ScanReport, options: TextOptions): string {
    const paint = styler(options.terminal);
    const width = options.terminal.width;
    const lines = header(report).map((l) => paint("bold", l));
    for (const stack of report.stacks) {
        if (report.stacks.length > 1) lines.push("", paint("bold", `── ${stack.source} (${plural(stack.resourcesScanned, "resource")})`));
        if (stack.resources.length === 0) lines.push("", "  no findings");
        lines.push(...findingLines(stack, options, paint));
        if (stack.deferred.length > 0) {
            lines.push("", paint("bold", `Deferred (${stack.deferred.length}): policies that need values a preview does not know yet; not findings`));
            for (const d of stack.deferred) lines.push(wrap(`${d.resource.label} ${d.policy}: ${d.reason}`, width, "  ", "    "));
        }
        if (options.showExempt && stack.exemptions.length > 0) {
            lines.push("", paint("bold", `Exempted (${stack.exemptions.length})`));
            for (const e of stack.exemptions) {
                const note = e.declaredOnly ? " (stack policy: declared on the resource)" : "";
                lines.push(wrap(`${e.resource.label} ${e.policy}: ${e.reason}${note}`, width, "  ", "    "));
            }
        }
    }
    if (report.warnings.length > 0) {
        lines.push("", paint("bold", `Input warnings (${report.warnings.length}): skipped or empty inputs`));
        for (const w of report.warnings) lines.push(wrap(`${paint("yellow", "!")} ${formatWarning(w)}`, width, "  ", "    "));
    }
    if (options.remediation) lines.push(...remediationLines(report, options, paint));
    lines.push(...summaryLines(report, paint, width));
    return `${lines.join("\n")}\n`;
}
