// One measured run of a pack: start it through the engine runner, then time Analyze, AnalyzeStack and
// large objects on requests encoded beforehand, so that only the pack's work is timed.
import type * as AnalyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { PolicyPackRunner, type ResourceInput } from "../../engine/runner";
import { cpuMs, peakRssMb } from "./process-stats";
import { median } from "./stats";

export interface WorkloadSpec {
    mixed: ResourceInput[];
    /** Stack sizes for AnalyzeStack, e.g. 3,000 and 12,000. */
    stacks: { size: number; resources: ResourceInput[] }[];
    large: { label: string; resource: ResourceInput }[];
    inFlight: number;
    largeRepeats: number;
}

/** The workload's requests, encoded once and sent unchanged to every pack. */
export interface Workload {
    spec: WorkloadSpec;
    analyze: AnalyzerPb.AnalyzeRequest[];
    stacks: { size: number; request: AnalyzerPb.AnalyzeStackRequest }[];
    large: { label: string; request: AnalyzerPb.AnalyzeRequest }[];
}

export function encodeWorkload(runner: PolicyPackRunner, spec: WorkloadSpec): Workload {
    return {
        spec,
        analyze: spec.mixed.map((r) => runner.analyzeRequestFor(r)),
        stacks: spec.stacks.map((s) => ({ size: s.size, request: runner.analyzeStackRequestFor(s.resources) })),
        large: spec.large.map((l) => ({ label: l.label, request: runner.analyzeRequestFor(l.resource) })),
    };
}

export interface Timed {
    wallMs: number;
    /** The pack process's CPU time during the phase; undefined where /proc is not available. */
    cpuMs?: number;
}

export interface Start {
    /** Spawn to port: the pack is loaded and serving. */
    portMs: number;
    /** The pack's CPU time until it was configured and ready. */
    cpuMs?: number;
}

export interface Run {
    portMs: number;
    readyMs: number;
    analyze: Timed;
    stacks: Record<number, Timed>;
    /** Per call, median of the repeats. */
    large: Record<string, Timed>;
    peakRssMb?: number;
}

async function timed(pid: number | undefined, work: () => Promise<unknown>): Promise<Timed> {
    const cpuBefore = cpuMs(pid);
    const t0 = process.hrtime.bigint();
    await work();
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpuAfter = cpuMs(pid);
    return { wallMs, ...(cpuBefore !== undefined && cpuAfter !== undefined ? { cpuMs: cpuAfter - cpuBefore } : {}) };
}

/** Runs `count` calls with at most `limit` in flight, as the engine does during a preview. */
async function pool(count: number, limit: number, call: (i: number) => Promise<unknown>): Promise<void> {
    let next = 0;
    const worker = async () => {
        while (next < count) await call(next++);
    };
    await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

export async function startPack(packDir: string): Promise<PolicyPackRunner> {
    return PolicyPackRunner.start({ packDir, startTimeoutMs: 120_000 });
}

/** Starts the pack and stops it: its cold start. */
export async function coldStart(packDir: string): Promise<Start> {
    const runner = await startPack(packDir);
    const cpu = cpuMs(runner.pid);
    await runner.stop();
    return { portMs: runner.timings.portMs, ...(cpu !== undefined ? { cpuMs: cpu } : {}) };
}

export async function measureRun(packDir: string, workload: Workload): Promise<Run> {
    const runner = await startPack(packDir);
    try {
        const pid = runner.pid;
        const { analyze, stacks, large, spec } = workload;
        const run: Run = {
            portMs: runner.timings.portMs,
            readyMs: runner.timings.readyMs,
            analyze: await timed(pid, () => pool(analyze.length, spec.inFlight, (i) => runner.analyzeRequest(analyze[i]))),
            stacks: {},
            large: {},
        };
        for (const s of stacks) run.stacks[s.size] = await timed(pid, () => runner.analyzeStackRequest(s.request));
        for (const l of large) {
            const repeats: Timed[] = [];
            for (let i = 0; i < spec.largeRepeats; i++) repeats.push(await timed(pid, () => runner.analyzeRequest(l.request)));
            run.large[l.label] = {
                wallMs: median(repeats.map((r) => r.wallMs)),
                ...(repeats.every((r) => r.cpuMs !== undefined) ? { cpuMs: repeats.reduce((sum, r) => sum + r.cpuMs!, 0) / repeats.length } : {}),
            };
        }
        run.peakRssMb = peakRssMb(pid);
        return run;
    } finally {
        await runner.stop();
    }
}
