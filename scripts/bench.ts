// `npm run bench`: what ClusterGuard adds to a preview, as ratios against a pack with one no-op policy,
// both started and driven through the engine runner exactly as the CLI would.
import * as fs from "fs";
import * as path from "path";
import { readStacks } from "../cli/inputs";
import { PolicyPackRunner, type ResourceInput } from "../engine/runner";

const root = path.resolve(__dirname, "..", "..");
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const copies = Number(process.env.BENCH_COPIES ?? 20);

/** A pack with one policy that does nothing: the engine and SDK cost every pack pays. */
function baselinePack(): string {
    const dir = path.join(root, ".bench", "baseline");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "baseline", version: "0.0.0", main: "index.js" }));
    fs.writeFileSync(
        path.join(dir, "index.js"),
        'const { PolicyPack } = require("@pulumi/policy");\n' +
            'new PolicyPack("baseline", { policies: [{ name: "noop", description: "does nothing", enforcementLevel: "advisory", validateResource: () => {} }] });\n',
    );
    const modules = path.join(dir, "node_modules");
    if (!fs.existsSync(modules)) fs.symlinkSync(path.join(root, "node_modules"), modules, "dir");
    return dir;
}

/** Every example resource, copied under distinct names: a large mixed stack. */
function workload(): ResourceInput[] {
    const examples = readStacks([path.join(root, "examples")]).flatMap((s) => s.inputs);
    const resources: ResourceInput[] = [];
    for (let i = 0; i < copies; i++) {
        for (const r of examples) resources.push({ ...r, name: `${r.name}-${i}`, urn: undefined });
    }
    return resources;
}

interface Measurement {
    startMs: number;
    analyzeMs: number;
    stackMs: number;
}

async function measure(packDir: string, resources: ResourceInput[]): Promise<Measurement> {
    const t0 = process.hrtime.bigint();
    const runner = await PolicyPackRunner.start({ packDir });
    const t1 = process.hrtime.bigint();
    try {
        for (const r of resources) await runner.analyze(r);
        const t2 = process.hrtime.bigint();
        await runner.analyzeStack(resources);
        const t3 = process.hrtime.bigint();
        return { startMs: Number(t1 - t0) / 1e6, analyzeMs: Number(t2 - t1) / 1e6, stackMs: Number(t3 - t2) / 1e6 };
    } finally {
        await runner.stop();
    }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
    const resources = workload();
    const packs = { "cluster-guard": root, baseline: baselinePack() };
    const results: Record<string, Measurement[]> = { "cluster-guard": [], baseline: [] };
    for (let round = 0; round < rounds; round++) {
        for (const [name, dir] of Object.entries(packs)) results[name].push(await measure(dir, resources));
    }
    const summary = (name: string, key: keyof Measurement) => median(results[name].map((m) => m[key]));
    console.log(`${resources.length} resources (examples x ${copies}), median of ${rounds} rounds\n`);
    console.log("phase                      cluster-guard     baseline    ratio");
    for (const [label, key] of [["start (spawn to configured)", "startMs"], ["Analyze, every resource", "analyzeMs"], ["AnalyzeStack, once", "stackMs"]] as const) {
        const ours = summary("cluster-guard", key);
        const base = summary("baseline", key);
        console.log(`${label.padEnd(27)}${ours.toFixed(0).padStart(10)} ms${base.toFixed(0).padStart(10)} ms${(ours / base).toFixed(2).padStart(8)}x`);
    }
    const total = (name: string) => summary(name, "startMs") + summary(name, "analyzeMs") + summary(name, "stackMs");
    console.log(`${"whole preview".padEnd(27)}${total("cluster-guard").toFixed(0).padStart(10)} ms${total("baseline").toFixed(0).padStart(10)} ms${(total("cluster-guard") / total("baseline")).toFixed(2).padStart(8)}x`);
}

main().catch((e: Error) => {
    console.error(e.stack ?? e.message);
    process.exitCode = 1;
});
