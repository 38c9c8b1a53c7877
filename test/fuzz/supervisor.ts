// Keeps one engine runner alive for the fuzz: times each call, notices when the pack process died (or
// stopped answering), and starts a fresh one for the next call.
import { PackStartError, PolicyPackRunner, AnalyzerCallError, type ResourceInput, type RunnerOptions } from "../../engine/runner";
import type { CallKind } from "./reproducer";
import { processCpuMs } from "./process-cpu";

export interface TimedCall<T> {
    value?: T;
    error?: unknown;
    wallMs: number;
    /** CPU time the pack process spent during the call, where /proc is readable. */
    packCpuMs?: number;
    /** The pack process exited during the call. */
    died: boolean;
    /** No answer within the hang limit; the pack was killed. */
    hung: boolean;
    /** Hung while the pack sat idle: the answer was lost rather than late. */
    idle?: boolean;
    /** The pack was found dead before this call: it died after answering the previous one. */
    foundDead: boolean;
}

const grpcUnknown = 2;
/** Even a starved pack answers within this; past it the call is a hang whatever the CPU time says. */
const wallLimitMs = 600_000;
/** A pack that spends no CPU for this long on a pending call is not working on it: its answer was lost. */
const idleLimitMs = 30_000;

export class SupervisedRunner {
    private runner?: PolicyPackRunner;
    private startCount = 0;
    /** Props keys the runner dropped on the wire (`__proto__`), counted for the summary. */
    droppedKeys = 0;

    constructor(
        private readonly options: RunnerOptions,
        /**
         * A call is a hang once the pack spent this much CPU time on it without answering (or, where /proc
         * cannot be read, this much wall time): the pack is killed and restarted. CPU time, so a loaded
         * machine that starves the pack does not make a hang.
         */
        private readonly hangMs: number,
    ) {}

    /** How many times the pack was started (1 + restarts). */
    get starts(): number {
        return this.startCount;
    }

    /** Starts a fresh pack; a loaded machine may miss the start timeout, so it tries a few times. */
    async start(): Promise<PolicyPackRunner> {
        await this.runner?.stop();
        this.runner = undefined;
        for (let attempt = 1; ; attempt++) {
            try {
                this.runner = await PolicyPackRunner.start({ startTimeoutMs: 180_000, ...this.options, onDroppedKey: () => this.droppedKeys++ });
                this.startCount++;
                return this.runner;
            } catch (e) {
                if (!(e instanceof PackStartError) || attempt >= 3) throw e;
            }
        }
    }

    /** `extraMs` raises the hang limit for this call (see `decodeAllowanceMs`). */
    async call<T>(invoke: (runner: PolicyPackRunner) => Promise<T>, extraMs = 0): Promise<TimedCall<T>> {
        const foundDead = this.runner?.exited ?? false;
        const runner = !this.runner || foundDead ? await this.start() : this.runner;
        // The runner encodes and serializes the request before its first await; the clock starts after
        // that, so the engine side's share of a large input is not counted against the pack.
        const pending = invoke(runner);
        const cpuBefore = processCpuMs(runner.pid);
        const started = process.hrtime.bigint();
        let timer: NodeJS.Timeout | undefined;
        let lastCpuMs = 0;
        let lastWorkMs = 0;
        const hang = new Promise<"hang" | "idle">((resolve) => {
            timer = setInterval(() => {
                const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
                const cpuMs = cpuBefore === undefined ? undefined : (processCpuMs(runner.pid) ?? 0) - cpuBefore;
                if (cpuMs !== undefined && cpuMs > lastCpuMs) [lastCpuMs, lastWorkMs] = [cpuMs, wallMs];
                if ((cpuMs ?? wallMs) > this.hangMs + extraMs || wallMs > wallLimitMs) resolve("hang");
                else if (cpuMs !== undefined && wallMs - lastWorkMs > idleLimitMs) resolve("idle");
            }, 250);
        });
        const outcome: TimedCall<T> = { wallMs: 0, died: false, hung: false, foundDead };
        try {
            const value = await Promise.race([pending, hang]);
            if (value === "hang" || value === "idle") [outcome.hung, outcome.idle] = [true, value === "idle"];
            else outcome.value = value;
        } catch (e) {
            outcome.error = e;
        } finally {
            clearInterval(timer);
        }
        outcome.wallMs = Number(process.hrtime.bigint() - started) / 1e6;
        const cpuAfter = processCpuMs(runner.pid);
        if (cpuBefore !== undefined && cpuAfter !== undefined) outcome.packCpuMs = cpuAfter - cpuBefore;
        if (outcome.hung) {
            // Killed on purpose: the next call starts a fresh pack without reporting a death.
            await runner.stop();
            this.runner = undefined;
        } else if (outcome.error !== undefined) {
            // A handler error (UNKNOWN) means the pack answered; anything else may be the process going away.
            const answered = outcome.error instanceof AnalyzerCallError && outcome.error.code === grpcUnknown;
            outcome.died = answered ? runner.exited : await exitsWithin(runner, 1000);
        }
        return outcome;
    }

    /**
     * Extra hang allowance for a request that protobuf alone takes long to decode (deep nesting makes
     * google-protobuf quadratic), as every pack's gRPC server must before any policy runs: twice the
     * decoding time when that is a quarter of the hang limit or more, else 0.
     */
    async decodeAllowanceMs(call: CallKind, input: ResourceInput[]): Promise<number> {
        if (!this.runner || this.runner.exited) await this.start();
        const decodeMs = this.requestDecodeMs(call, input);
        return decodeMs !== undefined && decodeMs >= this.hangMs / 4 ? 2 * decodeMs : 0;
    }

    /** Milliseconds protobuf takes to decode the request in this process, as the pack's gRPC server must; undefined when it cannot. */
    requestDecodeMs(call: CallKind, input: ResourceInput[]): number | undefined {
        if (!this.runner) return undefined;
        try {
            const request = call === "analyzeStack" ? this.runner.analyzeStackRequestFor(input) : this.runner.analyzeRequestFor(input[0]);
            const bytes = request.serializeBinary();
            const decode = (request.constructor as unknown as { deserializeBinary(bytes: Uint8Array): unknown }).deserializeBinary;
            const started = process.hrtime.bigint();
            decode(bytes);
            return Number(process.hrtime.bigint() - started) / 1e6;
        } catch {
            return undefined;
        }
    }

    async stop(): Promise<void> {
        await this.runner?.stop();
        this.runner = undefined;
    }
}

async function exitsWithin(runner: PolicyPackRunner, ms: number): Promise<boolean> {
    for (let waited = 0; waited < ms && !runner.exited; waited += 50) await new Promise((r) => setTimeout(r, 50));
    return runner.exited;
}
