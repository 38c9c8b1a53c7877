// SARIF 2.1.0 for code-scanning tools: one rule per policy from its metadata, one result per finding
// with its file and line and the resource's URN as a logical location. Deferred verdicts, exemptions and
// counts go in the run's properties; skipped inputs are tool notifications.
import * as path from "path";
import { pathToFileURL } from "url";
import type { PolicyInfo, Severity } from "../../engine/runner";
import { stdinPath } from "../inputs";
import type { Finding, Location, ResourceRef, ScanReport } from "./model";

// GitHub reads security-severity: over 9 critical, 7 to 8.9 high, 4 to 6.9 medium, below 4 low.
const securitySeverity: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", "": "1.0" };

function levelOf(level: string): "error" | "warning" | "note" | "none" {
    if (level === "mandatory" || level === "remediate") return "error";
    if (level === "advisory") return "warning";
    return "none";
}

/** A relative, forward-slash URI reference, percent-encoded per segment. */
export function artifactUri(file: string): string {
    const relative = path.isAbsolute(file) ? path.relative(process.cwd(), file) : file;
    return relative.split(path.sep).join("/").split("/").map(encodeURIComponent).join("/");
}

function physical(l: Location) {
    if (!l.file || l.file === stdinPath) return undefined;
    return {
        artifactLocation: { uri: artifactUri(l.file), uriBaseId: "%SRCROOT%" },
        ...(l.line ? { region: { startLine: l.line, ...(l.column ? { startColumn: l.column } : {}) } } : {}),
    };
}

function locationOf(l: Location, resource: ResourceRef) {
    const physicalLocation = physical(l);
    return {
        ...(physicalLocation ? { physicalLocation } : {}),
        logicalLocations: [{ fullyQualifiedName: resource.urn, name: resource.label, kind: "resource" }],
        ...(l.pointer ? { properties: { jsonPointer: l.pointer } } : {}),
    };
}

function rule(p: PolicyInfo) {
    return {
        id: p.name,
        name: p.name,
        ...(p.displayName ? { shortDescription: { text: p.displayName } } : { shortDescription: { text: p.description } }),
        fullDescription: { text: p.description },
        ...(p.remediationSteps ? { help: { text: p.remediationSteps, markdown: p.remediationSteps } } : {}),
        ...(p.url ? { helpUri: p.url } : {}),
        defaultConfiguration: { level: levelOf(p.enforcementLevel) },
        properties: { tags: ["security", ...p.tags], "security-severity": securitySeverity[p.severity], precision: "high", severity: p.severity },
    };
}

export function renderSarif(report: ScanReport): string {
    const ruleIndex = new Map(report.policies.map((p, i) => [p.name, i]));
    const results = report.stacks.flatMap((s) =>
        s.resources.flatMap((r) =>
            r.findings.map((f: Finding) => ({
                ruleId: f.policy,
                ...(ruleIndex.has(f.policy) ? { ruleIndex: ruleIndex.get(f.policy) } : {}),
                level: levelOf(f.level),
                message: { text: f.message },
                locations: [locationOf(f.location, r)],
                partialFingerprints: { "clusterGuard/v1": f.fingerprint },
                properties: { severity: f.severity, enforcementLevel: f.level, ...(f.field ? { field: f.field } : {}) },
            })),
        ),
    );
    const notifications = report.warnings.map((w) => {
        const at = physical({ file: w.file, line: w.line });
        return { level: "warning", message: { text: w.reason }, ...(at ? { locations: [{ physicalLocation: at }] } : { properties: { file: w.file } }) };
    });
    const sum = (key: "mandatory" | "advisory" | "deferred" | "exempted") => report.stacks.reduce((n, s) => n + s.counts[key], 0);
    const run = {
        tool: { driver: { name: "cluster-guard", version: report.tool.version, semanticVersion: report.tool.version, rules: report.policies.map(rule) } },
        invocations: [{ executionSuccessful: report.exitCode !== 2, exitCode: report.exitCode, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { "%SRCROOT%": { uri: `${pathToFileURL(process.cwd()).href}/` } },
        columnKind: "utf16CodeUnits",
        results,
        properties: {
            pack: report.pack,
            mode: report.mode,
            counts: { mandatory: sum("mandatory"), advisory: sum("advisory"), deferred: sum("deferred"), exempted: sum("exempted"), warnings: report.warnings.length, ...report.triage },
            deferred: report.stacks.flatMap((s) => s.deferred.map((d) => ({ policy: d.policy, urn: d.resource.urn, resource: d.resource.label, reason: d.reason }))),
            exemptions: report.stacks.flatMap((s) => s.exemptions.map((e) => ({ policy: e.policy, urn: e.resource.urn, resource: e.resource.label, reason: e.reason, source: e.source }))),
        },
    };
    return `${JSON.stringify({ $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [run] }, null, 2)}\n`;
}
