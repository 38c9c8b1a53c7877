// `npm run bench`: what ClusterGuard costs, as ratios measured side by side in one run against
// - the no-op pack: one resource and one stack policy that do nothing, what every pack pays;
// - the floor pack: ClusterGuard's policy count, names, levels and type sets with no-op bodies, what the
//   SDK costs for a pack of this shape. It runs the SDK as ClusterGuard does (debugger released, props
//   deserialised once per request); the same pack on the SDK as is is shown too.
// Every pack is started and driven through the engine runner as the CLI would, in turns (rotating the
// order), so that load on the machine falls on each alike. CPU time is the pack process's own (from
// /proc): it holds still on a busy machine where wall time does not. Figures are medians over rounds.
//
// BENCH_ROUNDS (3), BENCH_STARTS (7), BENCH_SIZE (3000 resources), BENCH_LARGE_STACK (4 x BENCH_SIZE),
// BENCH_LARGE_OBJECTS (1; 0 skips the CRD and the 2,000-container pod, which take minutes), BENCH_STACK (all; hardened
// builds the AnalyzeStack input from the hardened examples only, which have no findings).
import * as os from "os";
import { policies } from "../policies";
import { largeCrd, mixedStack, widePod } from "./bench/inputs";
import { coldStart, encodeWorkload, measureRun, type Run, type Start, startPack, type Timed, type WorkloadSpec } from "./bench/measure";
import { clusterGuardPack, floorPack, noopPack, shapesOf } from "./bench/packs";
import { growthExponent, median } from "./bench/stats";

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const starts = Number(process.env.BENCH_STARTS ?? 7);
const size = Number(process.env.BENCH_SIZE ?? 3000);
const largeSize = Number(process.env.BENCH_LARGE_STACK ?? size * 4);
const largeObjects = process.env.BENCH_LARGE_OBJECTS !== "0";
// AnalyzeStack over copies of every example (about 1.75 findings per resource), or of the hardened ones only (none).
const stackExamples = process.env.BENCH_STACK === "hardened" ? "hardened" : "all";

const packs = [
    { label: "cluster-guard", dir: clusterGuardPack() },
    // The floor as ClusterGuard runs the SDK (debugger released, props deserialised once per request)...
    { label: "floor", dir: floorPack(shapesOf(policies), { releaseDebugger: true, deserializeOnce: true }) },
    // ...and as the SDK runs it by itself: the difference is what those two fixes save.
    { label: "floor, SDK as is", dir: floorPack(shapesOf(policies)) },
    { label: "no-op", dir: noopPack() },
];

interface Measured {
    runs: Run[];
    starts: Start[];
}

interface Metric {
    label: string;
    unit: "ms" | "µs" | "MB" | "";
    value(m: Measured): number | undefined;
}

/** Median of a per-run figure; undefined when any run lacks it (no /proc). */
function over<T>(items: T[], pick: (item: T) => number | undefined): number | undefined {
    const values = items.map(pick);
    return values.every((v) => v !== undefined) ? median(values as number[]) : undefined;
}

const cpuOf = (t: Timed | undefined) => t?.cpuMs;

function metrics(large: string[]): Metric[] {
    const list: Metric[] = [
        { label: "cold start, spawn to port", unit: "ms", value: (m) => over(m.starts, (s) => s.portMs) },
        { label: "cold start, CPU to ready", unit: "ms", value: (m) => over(m.starts, (s) => s.cpuMs) },
        { label: `Analyze ${size} resources, wall`, unit: "ms", value: (m) => over(m.runs, (r) => r.analyze.wallMs) },
        { label: "Analyze, CPU per resource", unit: "µs", value: (m) => over(m.runs, (r) => (r.analyze.cpuMs === undefined ? undefined : (r.analyze.cpuMs * 1000) / size)) },
    ];
    for (const n of [size, largeSize]) {
        list.push({ label: `AnalyzeStack ${n}, wall`, unit: "ms", value: (m) => over(m.runs, (r) => r.stacks[n].wallMs) });
        list.push({ label: `AnalyzeStack ${n}, CPU`, unit: "ms", value: (m) => over(m.runs, (r) => cpuOf(r.stacks[n])) });
    }
    list.push(
        { label: "AnalyzeStack growth exponent, wall", unit: "", value: (m) => over(m.runs, (r) => growthExponent(r.stacks[size].wallMs, r.stacks[largeSize].wallMs, size, largeSize)) },
        {
            label: "AnalyzeStack growth exponent, CPU",
            unit: "",
            value: (m) => over(m.runs, (r) => (cpuOf(r.stacks[size]) && cpuOf(r.stacks[largeSize]) ? growthExponent(r.stacks[size].cpuMs!, r.stacks[largeSize].cpuMs!, size, largeSize) : undefined)),
        },
        { label: "peak RSS", unit: "MB", value: (m) => over(m.runs, (r) => r.peakRssMb) },
    );
    for (const l of large) {
        list.push({ label: `${l}, wall per Analyze`, unit: "ms", value: (m) => over(m.runs, (r) => r.large[l].wallMs) });
        list.push({ label: `${l}, CPU per Analyze`, unit: "ms", value: (m) => over(m.runs, (r) => cpuOf(r.large[l])) });
    }
    return list;
}

function format(value: number | undefined, unit: Metric["unit"]): string {
    if (value === undefined || Number.isNaN(value)) return "n/a";
    if (unit === "") return value.toFixed(2);
    return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${unit}`;
}

const ratio = (a?: number, b?: number) => (a === undefined || b === undefined || !(b > 0) ? "n/a" : `${(a / b).toFixed(2)}x`);

function rotate<T>(items: readonly T[], by: number): T[] {
    const k = by % items.length;
    return [...items.slice(k), ...items.slice(0, k)];
}

async function main(): Promise<void> {
    const spec: WorkloadSpec = {
        mixed: mixedStack(size),
        stacks: [
            { size, resources: mixedStack(size, stackExamples) },
            { size: largeSize, resources: mixedStack(largeSize, stackExamples) },
        ],
        large: largeObjects
            ? [
                  { label: "CRD of 346 KB", resource: largeCrd(346 * 1024) },
                  { label: "Pod of 2,000 containers", resource: widePod(2000) },
              ]
            : [],
        inFlight: 8,
        largeRepeats: 3,
    };
    const encoder = await startPack(packs[packs.length - 1].dir);
    const workload = encodeWorkload(encoder, spec);
    await encoder.stop();

    const measured: Record<string, Measured> = Object.fromEntries(packs.map((p) => [p.label, { runs: [], starts: [] }]));
    for (let i = 0; i < starts; i++) {
        for (const p of rotate(packs, i)) measured[p.label].starts.push(await coldStart(p.dir));
    }
    for (let round = 0; round < rounds; round++) {
        for (const p of rotate(packs, round)) {
            process.stderr.write(`round ${round + 1}/${rounds}: ${p.label}\n`);
            measured[p.label].runs.push(await measureRun(p.dir, workload));
        }
    }

    const cpu = os.cpus();
    console.log(
        `ClusterGuard bench, ${new Date().toISOString().slice(0, 10)}: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ` +
            `Node ${process.version}, ${os.type()} ${os.release()}, load average ${os.loadavg()[0].toFixed(1)}`,
    );
    console.log(
        `${policies.length} policies. Analyze: ${size} mixed resources (the examples, copied), ${spec.inFlight} calls in flight. ` +
            `AnalyzeStack: copies of ${stackExamples === "all" ? "every example" : "the hardened examples (no findings)"}. ` +
            `Median of ${rounds} rounds (${starts} for cold start).\n`,
    );
    const [ours, floor, , noop] = packs.map((p) => measured[p.label]);
    const header = ["", ...packs.map((p) => p.label), "÷ floor", "÷ no-op"];
    const rows = metrics(spec.large.map((l) => l.label)).map((m) => {
        const values = packs.map((p) => m.value(measured[p.label]));
        const ratios = m.unit === "" ? ["", ""] : [ratio(m.value(ours), m.value(floor)), ratio(m.value(ours), m.value(noop))];
        return [m.label, ...values.map((v) => format(v, m.unit)), ...ratios];
    });
    const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i].length)));
    for (const row of [header, ...rows]) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "));
}

main().catch((e: Error) => {
    console.error(e.stack ?? e.message);
    process.exitCode = 1;
});
