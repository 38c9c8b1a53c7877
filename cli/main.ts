#!/usr/bin/env node
// cluster-guard: evaluate resources offline with the pack, through the engine runner. This file parses
// the command line; run.ts does the work.
import { parseArgs } from "util";
import { describeError, UsageError } from "./errors";
import { defaultLimits } from "./inputs";
import { frameworkCoverage, type FrameworkFormat, frameworkFormats, renderCoverage } from "./frameworks";
import { type Format, formats, listPolicies, runScan } from "./run";
import { type FailOn, failOnChoices, severityChoices } from "./triage";

const usage = `Usage:
  cluster-guard scan <paths...|-> [options]
  cluster-guard policies [--format text|json]
  cluster-guard frameworks [--format text|json|markdown] [--framework KEY]

scan     Evaluates Kubernetes YAML/JSON manifests, [{type, name, props}] files and
         \`pulumi stack export\` files. Directories are read recursively; - reads stdin
         (helm template ... | cluster-guard scan -). Unreadable inputs are skipped with a warning.
  Input
    --config FILE          policy pack config, the same format as --policy-pack-config
    --namespace NS         namespace for objects that name none (as kubectl apply -n)
    --per-file             treat each file as its own stack (default: all files form one stack)
    --update               evaluate as an update rather than a preview
    --max-file-size MIB    largest input read (default ${defaultLimits.maxFileBytes / 1024 / 1024})
    --strict               input warnings fail the scan (exit 2)
  Output
    --format FORMAT        text (default), json, sarif, junit or github (workflow annotations)
    --output FILE          write the report to FILE instead of stdout
    --show-exempt          list exempted resources with their reasons (always counted)
    --no-remediation       leave the remediation steps out of the text report
  Triage
    --severity LEVEL       show findings of this severity and above: low, medium, high, critical
    --fail-on WHAT         exit 1 on a finding at: mandatory (default), a severity, or none
    --policy GLOB          only these policies (repeatable, comma-separated)
    --skip-policy GLOB     not these policies
    --tag TAG              only policies with this tag, e.g. pss-restricted; --skip-tag TAG drops them
    --baseline FILE        hide the findings FILE lists; --write-baseline FILE writes one
    --debug                print stack traces for errors
policies Lists the policies with severity, default enforcement level and tags.
frameworks
         Per benchmark (CIS EKS, AKS, GKE, Kubernetes, Pod Security Standards, NSA/CISA), the
         recommendations the policies cover, with the policies covering each, and those not covered.
    --framework KEY        only this benchmark: cis-eks, cis-aks, cis-gke, cis-kubernetes, pss, nsa-cisa

Exit codes: 0 passed, 1 a finding at --fail-on, 2 usage, config or input error (or warnings under --strict).`;

const list = (values: string[] | undefined) => (values ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);

function choice<T extends string>(value: string | undefined, choices: readonly T[], flag: string): T | undefined {
    if (value === undefined) return undefined;
    if (!(choices as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${choices.join(", ")}, got "${value}"`);
    return value as T;
}

function megabytes(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--max-file-size must be a positive number of MiB, got "${value}"`);
    return Math.floor(n * 1024 * 1024);
}

function parse(argv: string[]) {
    return parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
            config: { type: "string" },
            format: { type: "string", default: "text" },
            output: { type: "string", short: "o" },
            "per-file": { type: "boolean", default: false },
            update: { type: "boolean", default: false },
            namespace: { type: "string", short: "n" },
            "max-file-size": { type: "string" },
            strict: { type: "boolean", default: false },
            "show-exempt": { type: "boolean", default: false },
            "no-remediation": { type: "boolean", default: false },
            severity: { type: "string" },
            "fail-on": { type: "string", default: "mandatory" },
            policy: { type: "string", multiple: true },
            "skip-policy": { type: "string", multiple: true },
            tag: { type: "string", multiple: true },
            "skip-tag": { type: "string", multiple: true },
            baseline: { type: "string" },
            "write-baseline": { type: "string" },
            framework: { type: "string", multiple: true },
            debug: { type: "boolean", default: false },
            help: { type: "boolean", short: "h", default: false },
        },
    });
}

function frameworks(formatValue: string | undefined, keys: string[]): number {
    const format = choice(formatValue, frameworkFormats, "frameworks: --format") as FrameworkFormat;
    const all = frameworkCoverage();
    const unknown = keys.filter((k) => !all.some((b) => b.key === k));
    if (unknown.length > 0) throw new UsageError(`--framework must be one of ${all.map((b) => b.key).join(", ")}, got "${unknown.join(", ")}"`);
    process.stdout.write(renderCoverage(keys.length > 0 ? all.filter((b) => keys.includes(b.key)) : all, format));
    return 0;
}

export async function main(argv: string[]): Promise<number> {
    const debug = argv.includes("--debug");
    try {
        let parsed: ReturnType<typeof parse>;
        try {
            parsed = parse(argv);
        } catch (e) {
            throw new UsageError((e as Error).message);
        }
        const { values, positionals } = parsed;
        const [command, ...rest] = positionals;
        if (values.help || !command) {
            process.stdout.write(`${usage}\n`);
            return values.help ? 0 : 2;
        }
        if (command === "frameworks") return frameworks(values.format, list(values.framework));
        const format = choice(values.format, formats, "--format") as Format;
        if (command === "policies") {
            if (format !== "text" && format !== "json") throw new UsageError("policies: --format must be text or json");
            return await listPolicies(format);
        }
        if (command !== "scan") throw new UsageError(`unknown command "${command}"`);
        if (rest.length === 0) throw new UsageError("scan needs at least one path (or - for stdin)");
        if (values.namespace !== undefined && !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(values.namespace)) {
            throw new UsageError(`--namespace "${values.namespace}" is not a valid Kubernetes namespace name`);
        }
        return await runScan({
            paths: rest,
            config: values.config,
            format,
            output: values.output,
            perFile: values["per-file"] ?? false,
            update: values.update ?? false,
            namespace: values.namespace,
            strict: values.strict ?? false,
            showExempt: values["show-exempt"] ?? false,
            remediation: !values["no-remediation"],
            minSeverity: choice(values.severity, severityChoices, "--severity"),
            failOn: choice(values["fail-on"], failOnChoices, "--fail-on") as FailOn,
            policies: list(values.policy),
            skipPolicies: list(values["skip-policy"]),
            tags: list(values.tag),
            skipTags: list(values["skip-tag"]),
            baseline: values.baseline,
            writeBaseline: values["write-baseline"],
            limits: { ...(megabytes(values["max-file-size"]) ? { maxFileBytes: megabytes(values["max-file-size"]) } : {}) },
        });
    } catch (e) {
        process.stderr.write(`${describeError(e, debug)}\n`);
        if (e instanceof UsageError) process.stderr.write("Run cluster-guard --help for the options.\n");
        return 2;
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => (process.exitCode = code),
        (e: unknown) => {
            process.stderr.write(`${describeError(e, process.argv.includes("--debug"))}\n`);
            process.exitCode = 2;
        },
    );
}
