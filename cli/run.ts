// The scan command: read inputs, evaluate them through the engine runner, triage, render, decide the exit code.
import * as fs from "fs";
import * as path from "path";
import { readConfigFile } from "../engine/config";
import { defaultPackDir, PolicyPackRunner } from "../engine/runner";
import { readBaseline, writeBaseline } from "./baseline";
import { formatWarning, type InputLimits, type InputWarning, mergeStacks, readInputs, separateStacks } from "./inputs";
import { renderGithub } from "./report/github";
import { renderJson } from "./report/json";
import { renderJunit } from "./report/junit";
import type { ScanReport, StackReport } from "./report/model";
import { renderSarif } from "./report/sarif";
import { progressReporter, terminalOf } from "./report/terminal";
import { renderText } from "./report/text";
import { scanStack } from "./scan";
import { type FailOn, triage, type TriageOptions } from "./triage";

export const formats = ["text", "json", "sarif", "junit", "github"] as const;
export type Format = (typeof formats)[number];

export interface ScanOptions extends Omit<TriageOptions, "baseline" | "failOn"> {
    paths: string[];
    config?: string;
    format: Format;
    output?: string;
    perFile: boolean;
    update: boolean;
    namespace?: string;
    failOn: FailOn;
    baseline?: string;
    writeBaseline?: string;
    showExempt: boolean;
    remediation: boolean;
    strict: boolean;
    limits: Partial<InputLimits>;
}

function toolVersion(): string {
    const manifest = JSON.parse(fs.readFileSync(path.join(defaultPackDir, "package.json"), "utf8")) as { version: string };
    return manifest.version;
}

function render(report: ScanReport, options: ScanOptions): string {
    switch (options.format) {
        case "json":
            return renderJson(report);
        case "sarif":
            return renderSarif(report);
        case "junit":
            return renderJunit(report, options.strict);
        case "github":
            return renderGithub(report);
        default:
            return renderText(report, {
                terminal: options.output === undefined ? terminalOf(process.stdout) : { color: false, width: 0 },
                remediation: options.remediation,
                showExempt: options.showExempt,
            });
    }
}

export interface ScanDependencies {
    /** Told of each input warning as it occurs. */
    onWarning?: (w: InputWarning) => void;
    /** A runner already started and configured (tests share one); otherwise one is started for the scan. */
    runner?: PolicyPackRunner;
}

/** Reads, evaluates and triages; the report carries the exit code. */
export async function buildScanReport(options: ScanOptions, dependencies: ScanDependencies = {}): Promise<ScanReport> {
    const { onWarning } = dependencies;
    const config = options.config ? readConfigFile(options.config) : {};
    const baseline = options.baseline ? readBaseline(options.baseline) : undefined;
    const read = readInputs(options.paths, { namespace: options.namespace, limits: options.limits }, onWarning);
    const stacks = options.perFile ? separateStacks(read.stacks) : read.stacks.length > 0 ? [mergeStacks(read.stacks)] : [];

    const runner = dependencies.runner ?? (await PolicyPackRunner.start({ config, dryRun: !options.update }));
    const progress = progressReporter(process.stderr);
    const scanned: StackReport[] = [];
    try {
        for (const stack of stacks) scanned.push(await scanStack(runner, stack, { positions: read.positions, onProgress: progress }));
    } finally {
        progress.clear();
        if (!dependencies.runner) await runner.stop();
    }

    const triaged = triage(scanned, runner.info.policies, { ...options, baseline, failOn: options.failOn });
    if (options.writeBaseline) writeBaseline(options.writeBaseline, triage(scanned, runner.info.policies, { ...options, baseline: undefined }).stacks);
    const exitCode = stacks.length === 0 || (options.strict && read.warnings.length > 0) ? 2 : triaged.summary.failing > 0 ? 1 : 0;
    return {
        tool: { name: "cluster-guard", version: toolVersion() },
        pack: { name: runner.info.name, version: runner.info.version },
        ...(options.config ? { config: options.config } : {}),
        paths: options.paths,
        mode: options.update ? "update" : "preview",
        ...(options.namespace ? { namespace: options.namespace } : {}),
        filesRead: new Set(stacks.flatMap((s) => s.files)).size,
        stacks: triaged.stacks,
        warnings: read.warnings,
        triage: triaged.summary,
        policies: runner.info.policies,
        exitCode,
    };
}

export async function runScan(options: ScanOptions): Promise<number> {
    // The text report lists warnings itself; other formats are for programs, so people see them on stderr.
    const warningsOnStderr = options.format !== "text" || options.output !== undefined;
    const report = await buildScanReport(options, {
        onWarning: (w) => {
            if (warningsOnStderr) process.stderr.write(`cluster-guard: warning: ${formatWarning(w)}\n`);
        },
    });
    const text = render(report, options);
    if (options.output) fs.writeFileSync(options.output, text);
    else process.stdout.write(text);
    if (report.filesRead === 0) {
        const why = report.warnings.length === 1 ? formatWarning(report.warnings[0]) : `every input was skipped (${report.warnings.length} warnings in the report)`;
        process.stderr.write(`cluster-guard: nothing scanned: ${why}\n`);
    } else if (report.exitCode === 2) {
        process.stderr.write(`cluster-guard: ${report.warnings.length} input warning(s) under --strict\n`);
    }
    return report.exitCode;
}

export async function listPolicies(format: "text" | "json"): Promise<number> {
    const runner = await PolicyPackRunner.start();
    await runner.stop();
    if (format === "json") {
        process.stdout.write(`${JSON.stringify(runner.info.policies, null, 2)}\n`);
        return 0;
    }
    for (const p of runner.info.policies) {
        process.stdout.write(`${p.name.padEnd(44)} ${p.severity.padEnd(8)} ${p.enforcementLevel.padEnd(9)} ${p.tags.join(",")}\n`);
    }
    return 0;
}
