#!/usr/bin/env node
// cluster-guard: evaluate resources offline with the pack, through the engine runner.
import { parseArgs } from "util";
import { ConfigError, readConfigFile } from "../engine/config";
import { PackStartError, PolicyPackRunner } from "../engine/runner";
import { InputError, mergeStacks, readStacks } from "./inputs";
import { renderText, scanStack, type StackReport } from "./scan";

const usage = `Usage:
  cluster-guard scan <paths...> [--config FILE] [--format text|json] [--per-file] [--update] [--no-remediation]
  cluster-guard policies [--format text|json]

scan     Evaluates Kubernetes YAML/JSON manifests, [{type, name, props}] files and
         \`pulumi stack export\` files. Directories are read recursively.
           --config FILE    policy pack config, the same format as --policy-pack-config
           --format         text (default) or json
           --per-file       treat each file as its own stack (default: all files form one stack)
           --update         evaluate as an update rather than a preview
           --no-remediation leave remediation steps out of the text report
policies Lists the policies with severity, default enforcement level and tags.

Exit codes: 0 no mandatory violation, 1 mandatory violations found, 2 usage, config or input error.`;

async function scan(paths: string[], options: { config?: string; format: string; perFile: boolean; update: boolean; remediation: boolean }): Promise<number> {
    if (paths.length === 0) throw new UsageError("scan needs at least one path");
    const config = options.config ? readConfigFile(options.config) : {};
    const files = readStacks(paths);
    const stacks = options.perFile ? files : [mergeStacks(files)];
    const runner = await PolicyPackRunner.start({ config, dryRun: !options.update });
    const reports: StackReport[] = [];
    try {
        for (const stack of stacks) reports.push(await scanStack(runner, stack));
    } finally {
        await runner.stop();
    }
    if (options.format === "json") {
        process.stdout.write(`${JSON.stringify({ pack: { name: runner.info.name, version: runner.info.version }, stacks: reports }, null, 2)}\n`);
    } else {
        process.stdout.write(`${reports.map((r) => renderText(r, { remediation: options.remediation })).join("\n\n")}\n`);
    }
    return reports.some((r) => r.counts.mandatory > 0) ? 1 : 0;
}

async function listPolicies(format: string): Promise<number> {
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

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            allowPositionals: true,
            options: {
                config: { type: "string" },
                format: { type: "string", default: "text" },
                "per-file": { type: "boolean", default: false },
                update: { type: "boolean", default: false },
                "no-remediation": { type: "boolean", default: false },
                help: { type: "boolean", short: "h", default: false },
            },
        });
    } catch (e) {
        process.stderr.write(`${(e as Error).message}\n\n${usage}\n`);
        return 2;
    }
    const { values, positionals } = parsed;
    const [command, ...rest] = positionals;
    if (values.help || !command) {
        process.stdout.write(`${usage}\n`);
        return values.help ? 0 : 2;
    }
    if (values.format !== "text" && values.format !== "json") {
        process.stderr.write(`--format must be text or json\n`);
        return 2;
    }
    try {
        if (command === "scan") {
            return await scan(rest, {
                config: values.config,
                format: values.format,
                perFile: values["per-file"] ?? false,
                update: values.update ?? false,
                remediation: !values["no-remediation"],
            });
        }
        if (command === "policies") return await listPolicies(values.format);
        throw new UsageError(`unknown command "${command}"`);
    } catch (e) {
        if (e instanceof UsageError) {
            process.stderr.write(`${e.message}\n\n${usage}\n`);
            return 2;
        }
        if (e instanceof ConfigError || e instanceof InputError || e instanceof PackStartError) {
            process.stderr.write(`cluster-guard: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => (process.exitCode = code),
        (e: Error) => {
            process.stderr.write(`cluster-guard: ${e.stack ?? e.message}\n`);
            process.exitCode = 2;
        },
    );
}
