// JUnit XML for CI test views: a test suite per scanned stack, a test case per finding (a failure when it
// fails the run under --fail-on), deferred verdicts as skipped cases, and skipped inputs in their own suite.
import { formatWarning } from "../inputs";
import { isFailing } from "../triage";
import type { Finding, ScanReport, StackReport } from "./model";
import { formatLocation } from "./text";

// XML 1.0 cannot carry most control characters, even escaped.
// eslint-disable-next-line no-control-regex
const invalidXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlEscape(text: string): string {
    return text
        .replace(invalidXml, "\ufffd")
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&apos;");
}

const attrs = (values: Record<string, string | number | undefined>) =>
    Object.entries(values)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
        .join("");

function suite(stack: StackReport, failing: (f: Finding) => boolean): { xml: string; tests: number; failures: number; skipped: number } {
    const cases: string[] = [];
    let failures = 0;
    for (const r of stack.resources) {
        for (const f of r.findings) {
            const where = formatLocation(f.location);
            const name = `${r.label}${where ? ` (${where})` : ""}`;
            const body = `${f.message}${where ? `\nat ${where}` : ""}\nresource ${r.urn}`;
            const open = `    <testcase${attrs({ classname: f.policy, name, file: f.location.file, line: f.location.line })}>`;
            if (failing(f)) {
                failures++;
                cases.push(`${open}\n      <failure${attrs({ type: `${f.severity || "unspecified"} ${f.level}`, message: f.message.split("\n")[0] })}>${xmlEscape(body)}</failure>\n    </testcase>`);
            } else {
                cases.push(`${open}\n      <system-out>${xmlEscape(`${f.severity} ${f.level}: ${body}`)}</system-out>\n    </testcase>`);
            }
        }
    }
    for (const d of stack.deferred) {
        cases.push(`    <testcase${attrs({ classname: d.policy, name: d.resource.label })}>\n      <skipped${attrs({ message: `deferred during preview: ${d.reason}` })}/>\n    </testcase>`);
    }
    const tests = cases.length;
    const skipped = stack.deferred.length;
    const head = `  <testsuite${attrs({ name: stack.source, tests, failures, errors: 0, skipped })}>`;
    return { xml: [head, ...cases, "  </testsuite>"].join("\n"), tests, failures, skipped };
}

export function renderJunit(report: ScanReport, strict: boolean): string {
    const suites = report.stacks.map((s) => suite(s, (f) => isFailing(f, report.triage.failOn)));
    const inputCases = report.warnings.map((w) => {
        const element = strict ? "error" : "skipped";
        return `    <testcase${attrs({ classname: "cluster-guard.inputs", name: w.file })}>\n      <${element}${attrs({ message: formatWarning(w) })}/>\n    </testcase>`;
    });
    const inputErrors = strict ? inputCases.length : 0;
    if (inputCases.length > 0) {
        suites.push({
            xml: [`  <testsuite${attrs({ name: "inputs", tests: inputCases.length, failures: 0, errors: inputErrors, skipped: inputCases.length - inputErrors })}>`, ...inputCases, "  </testsuite>"].join("\n"),
            tests: inputCases.length,
            failures: 0,
            skipped: inputCases.length - inputErrors,
        });
    }
    const totals = suites.reduce((t, s) => ({ tests: t.tests + s.tests, failures: t.failures + s.failures, skipped: t.skipped + s.skipped }), { tests: 0, failures: 0, skipped: 0 });
    return [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<testsuites${attrs({ name: "cluster-guard", tests: totals.tests, failures: totals.failures, errors: inputErrors, skipped: totals.skipped })}>`,
        ...suites.map((s) => s.xml),
        `</testsuites>`,
        "",
    ].join("\n");
}
