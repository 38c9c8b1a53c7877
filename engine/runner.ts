// The engine runner: plays the Pulumi engine's part for a policy pack. It starts the pack the way the
// CLI does (run-policy-pack in the pack directory), reads the port, and speaks pulumirpc.Analyzer.
import { type ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import type * as AnalyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type * as AnalyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import {
    type EnforcementLevel,
    type PolicyPackConfigFile,
    type PolicySchemaInfo,
    type ResolvedPolicyConfig,
    resolveConfig,
} from "./config";
import { AnalyzerCallError, analyzerCallError } from "./errors";
import { encodeProperties, type EncodeOptions } from "./wire";

// Messages and the gRPC library must come from the copy of @pulumi/pulumi the pack uses, so the
// server's instanceof checks pass.
const pulumiRequire = createRequire(require.resolve("@pulumi/pulumi/proto/analyzer_pb"));
const analyzerPb = pulumiRequire("./analyzer_pb") as typeof AnalyzerPb;
const analyzerGrpc = pulumiRequire("./analyzer_grpc_pb") as typeof AnalyzerGrpc;
const grpc = pulumiRequire("@grpc/grpc-js") as typeof import("@grpc/grpc-js");
const structPb = pulumiRequire("google-protobuf/google/protobuf/struct_pb") as typeof import("google-protobuf/google/protobuf/struct_pb");
const emptyPb = pulumiRequire("google-protobuf/google/protobuf/empty_pb") as typeof import("google-protobuf/google/protobuf/empty_pb");

export type Severity = "" | "low" | "medium" | "high" | "critical";
const levelNames: EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];
const levelCodes: Record<EnforcementLevel, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };
const severityNames: Severity[] = ["", "low", "medium", "high", "critical"];

/** A resource as a program would register it. */
export interface ResourceInput {
    type: string;
    name: string;
    props: object;
    urn?: string;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    provider?: { type: string; name: string; urn?: string; props?: object };
    /** Where a scanned resource was read from, for reports; never sent to the pack. */
    location?: SourceLocation;
}

/**
 * A resource's place in its file. Pointers are JSON pointers into the file's parsed content; for YAML
 * the first segment is the 0-based document index (`/2/items/0` is the first item of the third document).
 */
export interface SourceLocation {
    /** The path as given on the command line, or `<stdin>`. */
    file: string;
    /** The resource object itself. */
    pointer: string;
    /** Where Analyze's props live under the file root (an export's `.../inputs`); defaults to `pointer`. */
    propsPointer?: string;
    /** Where AnalyzeStack's props live (an export's `.../outputs`); defaults to `propsPointer`. */
    outputsPointer?: string;
    /** 1-based line and column of the object's start. */
    line?: number;
    column?: number;
}

export interface PolicyDiagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    message: string;
    enforcementLevel: EnforcementLevel;
    severity: Severity;
    urn: string;
}

/**
 * A deferred verdict: during a preview the SDK reports a policy that read a value not known until deploy
 * as an advisory whose message starts like this. The pack's own deferrals follow it with the resource and
 * the field.
 */
export function isDeferral(d: Pick<PolicyDiagnostic, "message" | "policyName">): boolean {
    return d.message.includes(`can't run policy '${d.policyName}' from policy pack`);
}

export interface NotApplicable {
    policyName: string;
    reason: string;
}

export interface AnalyzeResult {
    diagnostics: PolicyDiagnostic[];
    notApplicable: NotApplicable[];
}

export interface Remediation {
    policyName: string;
    properties?: Record<string, unknown>;
    diagnostic?: string;
}

export interface PolicyInfo extends PolicySchemaInfo {
    displayName: string;
    description: string;
    severity: Severity;
    tags: string[];
    remediationSteps: string;
    url: string;
    framework?: { name: string; version: string; reference: string; specification: string };
    policyType: "resource" | "stack" | "unknown";
}

export interface AnalyzerInfo {
    name: string;
    version: string;
    description: string;
    policies: PolicyInfo[];
    initialConfig: PolicyPackConfigFile;
}

export interface RunnerOptions {
    /** The pack directory; defaults to this package. */
    packDir?: string;
    /** A `--policy-pack-config` file's content. */
    config?: PolicyPackConfigFile;
    stack?: string;
    project?: string;
    organization?: string;
    /** Preview (true, the default) or update. */
    dryRun?: boolean;
    stackTags?: Record<string, string>;
    /** How long to wait for the pack to print its port. */
    startTimeoutMs?: number;
    /** Told about each props key the wire cannot carry; by default a warning on stderr. */
    onDroppedKey?(urn: string, path: string, reason: string): void;
}

export interface Evaluation {
    /** Analyze results per resource, in input order, after any remediation. */
    resources: { resource: ResourceInput; result: AnalyzeResult; remediations: Remediation[] }[];
    stack: AnalyzeResult;
}

/** The nearest folder at or above `dir` that holds a package.json. */
function packageDirOf(dir: string): string {
    for (let at = dir; ; at = path.dirname(at)) {
        if (fs.existsSync(path.join(at, "package.json"))) return at;
        if (path.dirname(at) === at) return dir;
    }
}

/** This package's own directory, from bin/engine as compiled or dist/ as bundled: the pack the CLI scans with. */
export const defaultPackDir = packageDirOf(__dirname);

function runPolicyPackScript(packDir: string): string {
    const direct = path.join(packDir, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");
    if (fs.existsSync(direct)) return direct;
    // Installed as a dependency, @pulumi/pulumi may be hoisted above the pack.
    return path.dirname(createRequire(path.join(packDir, "package.json")).resolve("@pulumi/pulumi/cmd/run-policy-pack"));
}

function toStruct(value: Record<string, unknown>): AnalyzerPb.AnalyzeRequest["getProperties"] extends () => infer S ? NonNullable<S> : never {
    return structPb.Struct.fromJavaScript(value as Parameters<typeof structPb.Struct.fromJavaScript>[0]);
}

function readNotApplicable(response: AnalyzerPb.AnalyzeResponse | AnalyzerPb.RemediateResponse): NotApplicable[] {
    return response.getNotApplicableList().map((n) => ({ policyName: n.getPolicyName(), reason: n.getReason() }));
}

function readDiagnostics(response: AnalyzerPb.AnalyzeResponse): AnalyzeResult {
    return {
        diagnostics: response.getDiagnosticsList().map((d) => ({
            policyName: d.getPolicyname(),
            policyPackName: d.getPolicypackname(),
            policyPackVersion: d.getPolicypackversion(),
            description: d.getDescription(),
            message: d.getMessage(),
            enforcementLevel: levelNames[d.getEnforcementlevel()] ?? "advisory",
            severity: severityNames[d.getSeverity()] ?? "",
            urn: d.getUrn(),
        })),
        notApplicable: readNotApplicable(response),
    };
}

function readPolicyInfo(p: AnalyzerPb.PolicyInfo): PolicyInfo {
    const schema = p.getConfigschema();
    const framework = p.getFramework();
    const policyType = p.getPolicyType();
    return {
        name: p.getName(),
        displayName: p.getDisplayname(),
        description: p.getDescription(),
        enforcementLevel: levelNames[p.getEnforcementlevel()] ?? "advisory",
        severity: severityNames[p.getSeverity()] ?? "",
        tags: p.getTagsList(),
        remediationSteps: p.getRemediationSteps(),
        url: p.getUrl(),
        ...(framework
            ? { framework: { name: framework.getName(), version: framework.getVersion(), reference: framework.getReference(), specification: framework.getSpecification() } }
            : {}),
        configSchema: schema
            ? { properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>, required: schema.getRequiredList() }
            : undefined,
        policyType: policyType === 1 ? "resource" : policyType === 2 ? "stack" : "unknown",
    };
}

export class PackStartError extends Error {}
export { AnalyzerCallError };

/** How long the pack took to start, from spawning it. */
export interface StartTimings {
    /** Until it printed its port: the pack is loaded and serving. */
    portMs: number;
    /** Until it was configured and ready to analyze. */
    readyMs: number;
}

// The pack's stderr is appended to every error; keep only its tail, so a long session stays bounded.
const stderrTailChars = 64 * 1024;

/** The default for `onDroppedKey`: one warning on stderr per resource and key (Analyze and AnalyzeStack both send it). */
function warnOncePerKey(): NonNullable<RunnerOptions["onDroppedKey"]> {
    const warned = new Set<string>();
    return (urn, path, reason) => {
        if (warned.has(`${urn} ${path}`)) return;
        warned.add(`${urn} ${path}`);
        process.stderr.write(`warning: ${urn}: props key ${path} dropped: ${reason}\n`);
    };
}

export class PolicyPackRunner {
    private constructor(
        private readonly child: ChildProcess,
        private readonly client: AnalyzerGrpc.AnalyzerClient,
        readonly info: AnalyzerInfo,
        readonly config: Record<string, ResolvedPolicyConfig>,
        private readonly options: Required<Pick<RunnerOptions, "stack" | "project" | "dryRun" | "onDroppedKey">>,
        private readonly stderr: () => string,
        readonly timings: StartTimings,
    ) {}

    /** The pack's process id, e.g. to read its CPU time and memory. */
    get pid(): number | undefined {
        return this.child.pid;
    }

    /** True once the pack process has exited (crashed, killed or stopped). */
    get exited(): boolean {
        return this.child.exitCode !== null || this.child.signalCode !== null;
    }

    /** Starts the pack, configures it like the CLI, and returns a runner ready to analyze. */
    static async start(options: RunnerOptions = {}): Promise<PolicyPackRunner> {
        const packDir = path.resolve(options.packDir ?? defaultPackDir);
        const stack = options.stack ?? "dev";
        const project = options.project ?? "cluster-guard-scan";
        const organization = options.organization ?? "organization";
        const dryRun = options.dryRun ?? true;
        const spawnedAt = process.hrtime.bigint();
        const child = spawn(process.execPath, [runPolicyPackScript(packDir), "127.0.0.1:0", packDir], {
            cwd: packDir,
            env: {
                ...process.env,
                PULUMI_CONFIG: "{}",
                PULUMI_NODEJS_ORGANIZATION: organization,
                PULUMI_NODEJS_PROJECT: project,
                PULUMI_NODEJS_STACK: stack,
                PULUMI_NODEJS_DRY_RUN: String(dryRun),
            },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-stderrTailChars)));
        const port = await readPort(child, options.startTimeoutMs ?? 60_000, () => stderr);
        const portMs = Number(process.hrtime.bigint() - spawnedAt) / 1e6;
        const client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": 400 * 1024 * 1024,
            "grpc.max_send_message_length": 400 * 1024 * 1024,
        });
        try {
            // The Node SDK does not implement Handshake; the engine then falls back, as we do.
            await unary<unknown>((cb) => client.handshake(new analyzerPb.AnalyzerHandshakeRequest().setRootDirectory(packDir).setProgramDirectory(packDir), cb)).catch(
                (e: { code?: number }) => {
                    if (e.code !== grpc.status.UNIMPLEMENTED) throw e;
                },
            );
            const stackRequest = new analyzerPb.AnalyzerStackConfigureRequest()
                .setStack(stack)
                .setProject(project)
                .setOrganization(organization)
                .setDryRun(dryRun);
            for (const [k, v] of Object.entries(options.stackTags ?? {})) stackRequest.getTagsMap().set(k, v);
            await unary((cb) => client.configureStack(stackRequest, cb));

            const infoResponse = await unary<AnalyzerPb.AnalyzerInfo>((cb) => client.getAnalyzerInfo(new emptyPb.Empty(), cb));
            const initialConfig: PolicyPackConfigFile = {};
            infoResponse.getInitialconfigMap().forEach((v, k) => {
                initialConfig[k] = { enforcementLevel: levelNames[v.getEnforcementlevel()], ...(v.getProperties()?.toJavaScript() ?? {}) };
            });
            const info: AnalyzerInfo = {
                name: infoResponse.getName(),
                version: infoResponse.getVersion(),
                description: infoResponse.getDescription(),
                policies: infoResponse.getPoliciesList().map(readPolicyInfo),
                initialConfig,
            };
            const config = resolveConfig(info.policies, initialConfig, options.config ?? {});
            const configure = new analyzerPb.ConfigureAnalyzerRequest();
            for (const [name, c] of Object.entries(config)) {
                configure.getPolicyconfigMap().set(
                    name,
                    new analyzerPb.PolicyConfig().setEnforcementlevel(levelCodes[c.enforcementLevel]).setProperties(toStruct(c.properties)),
                );
            }
            await unary((cb) => client.configure(configure, cb));
            const onDroppedKey = options.onDroppedKey ?? warnOncePerKey();
            const readyMs = Number(process.hrtime.bigint() - spawnedAt) / 1e6;
            return new PolicyPackRunner(child, client, info, config, { stack, project, dryRun, onDroppedKey }, () => stderr, { portMs, readyMs });
        } catch (e) {
            client.close();
            child.kill();
            throw e;
        }
    }

    /** The URN the engine would give a top-level resource. */
    urnOf(resource: Pick<ResourceInput, "type" | "name" | "urn">): string {
        return resource.urn ?? `urn:pulumi:${this.options.stack}::${this.options.project}::${resource.type}::${resource.name}`;
    }

    private fillResource<T extends AnalyzerPb.AnalyzeRequest | AnalyzerPb.AnalyzerResource>(message: T, resource: ResourceInput): T {
        const options = new analyzerPb.AnalyzerResourceOptions()
            .setProtect(false)
            .setIgnorechangesList([])
            .setAliasesList([])
            .setAdditionalsecretoutputsList([])
            .setCustomtimeouts(new analyzerPb.AnalyzerResourceOptions.CustomTimeouts());
        if (resource.parent) options.setParent(resource.parent);
        const urn = this.urnOf(resource);
        message.setType(resource.type);
        message.setName(resource.name);
        message.setUrn(urn);
        message.setProperties(toStruct(encodeProperties(resource.props, this.encodeOptions(urn))));
        message.setOptions(options);
        if (resource.provider) {
            const provider = new analyzerPb.AnalyzerProviderResource()
                .setType(resource.provider.type)
                .setName(resource.provider.name)
                .setUrn(resource.provider.urn ?? this.urnOf(resource.provider))
                .setProperties(toStruct(encodeProperties(resource.provider.props ?? {}, this.encodeOptions(urn))));
            message.setProvider(provider);
        }
        return message;
    }

    private encodeOptions(urn: string): EncodeOptions {
        return { dryRun: this.options.dryRun, onDroppedKey: (path, reason) => this.options.onDroppedKey(urn, path, reason) };
    }

    async analyze(resource: ResourceInput): Promise<AnalyzeResult> {
        return this.analyzeRequest(this.analyzeRequestFor(resource));
    }

    /** The Analyze request for a resource, encoded ahead of the call (e.g. to time only the call). */
    analyzeRequestFor(resource: ResourceInput): AnalyzerPb.AnalyzeRequest {
        return this.fillResource(new analyzerPb.AnalyzeRequest(), resource);
    }

    async analyzeRequest(request: AnalyzerPb.AnalyzeRequest): Promise<AnalyzeResult> {
        const result = readDiagnostics(await this.call<AnalyzerPb.AnalyzeResponse>((cb) => this.client.analyze(request, cb)));
        // The SDK leaves the URN empty on Analyze diagnostics; the engine attributes them to the resource.
        for (const d of result.diagnostics) d.urn ||= request.getUrn();
        return result;
    }

    async remediate(resource: ResourceInput): Promise<{ remediations: Remediation[]; notApplicable: NotApplicable[] }> {
        const request = this.fillResource(new analyzerPb.AnalyzeRequest(), resource);
        const response = await this.call<AnalyzerPb.RemediateResponse>((cb) => this.client.remediate(request, cb));
        return {
            remediations: response.getRemediationsList().map((r) => ({
                policyName: r.getPolicyname(),
                ...(r.getProperties() ? { properties: r.getProperties()!.toJavaScript() as Record<string, unknown> } : {}),
                ...(r.getDiagnostic() ? { diagnostic: r.getDiagnostic() } : {}),
            })),
            notApplicable: readNotApplicable(response),
        };
    }

    async analyzeStack(resources: ResourceInput[]): Promise<AnalyzeResult> {
        return this.analyzeStackRequest(this.analyzeStackRequestFor(resources));
    }

    /** The AnalyzeStack request for a stack, encoded ahead of the call. */
    analyzeStackRequestFor(resources: ResourceInput[]): AnalyzerPb.AnalyzeStackRequest {
        const request = new analyzerPb.AnalyzeStackRequest();
        request.setResourcesList(
            resources.map((r) => {
                const message = this.fillResource(new analyzerPb.AnalyzerResource(), r);
                if (r.parent) message.setParent(r.parent);
                message.setDependenciesList(r.dependencies ?? []);
                for (const [key, urns] of Object.entries(r.propertyDependencies ?? {})) {
                    message.getPropertydependenciesMap().set(key, new analyzerPb.AnalyzerPropertyDependencies().setUrnsList(urns));
                }
                return message;
            }),
        );
        return request;
    }

    async analyzeStackRequest(request: AnalyzerPb.AnalyzeStackRequest): Promise<AnalyzeResult> {
        return readDiagnostics(await this.call<AnalyzerPb.AnalyzeResponse>((cb) => this.client.analyzeStack(request, cb)));
    }

    /**
     * What a preview does: Remediate (when a policy is at remediate level) then Analyze each resource's
     * inputs, then AnalyzeStack once on the outputs (by default the inputs after remediation).
     */
    async evaluate(inputs: ResourceInput[], outputs?: ResourceInput[], onProgress?: (done: number, total: number) => void): Promise<Evaluation> {
        const remediating = Object.values(this.config).some((c) => c.enforcementLevel === "remediate");
        const resources: Evaluation["resources"] = [];
        for (const input of inputs) {
            let resource = input;
            let remediations: Remediation[] = [];
            if (remediating) {
                remediations = (await this.remediate(input)).remediations;
                const last = [...remediations].reverse().find((r) => r.properties);
                if (last?.properties) resource = { ...input, props: last.properties };
            }
            resources.push({ resource, result: await this.analyze(resource), remediations });
            onProgress?.(resources.length, inputs.length);
        }
        const stack = await this.analyzeStack(outputs ?? resources.map((r) => r.resource));
        return { resources, stack };
    }

    private call<T>(invoke: (cb: (err: Error | null, res: T) => void) => void): Promise<T> {
        return unary(invoke).catch((e: Error & { code?: number }) => {
            throw analyzerCallError(e.message, this.stderr().trim(), e.code);
        });
    }

    async stop(): Promise<void> {
        this.client.close();
        // A pack killed by a signal has no exit code, only a signal code; its exit event has fired already.
        if (this.exited) return;
        await new Promise<void>((resolve) => {
            this.child.once("exit", () => resolve());
            this.child.kill();
        });
    }
}

function unary<T>(invoke: (cb: (err: Error | null, res: T) => void) => void): Promise<T> {
    return new Promise((resolve, reject) => invoke((err, res) => (err ? reject(err) : resolve(res))));
}

function readPort(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<number> {
    return new Promise((resolve, reject) => {
        let stdout = "";
        const fail = (why: string) => {
            clearTimeout(timer);
            child.kill();
            reject(new PackStartError(`policy pack did not start: ${why}${stderr().trim() ? `\n${stderr().trim()}` : ""}`));
        };
        const timer = setTimeout(() => fail(`no port after ${timeoutMs} ms`), timeoutMs);
        child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
            stdout += chunk;
            const newline = stdout.indexOf("\n");
            if (newline < 0) return;
            const port = Number(stdout.slice(0, newline).trim());
            clearTimeout(timer);
            if (Number.isInteger(port) && port > 0) resolve(port);
            else fail(`expected a port on the first stdout line, got ${JSON.stringify(stdout.slice(0, newline))}`);
        });
        child.once("exit", (code) => fail(`process exited with code ${code}`));
        child.once("error", (e) => fail(e.message));
    });
}
