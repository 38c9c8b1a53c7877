// `node bin/scripts/sdk-experiments.js`: what two changes to @pulumi/policy would save, measured on
// private, patched copies of the installed SDK under .bench/ (never the repository's node_modules):
// - type-set skip: a policy function may carry `__pulumiTypeFilter(type)`; the SDK skips the policy
//   (not applicable, without deserialising props) when it returns false, as it does today for a single
//   `__pulumiType`;
// - deserialise once: Analyze deserialises a request's props once, not once per policy, and AnalyzeStack
//   each resource's once, not once per stack policy (policies then share one read-only view).
// Each variant runs ClusterGuard, the floor pack and the no-op pack through the engine runner, in turns.
// BENCH_ROUNDS (3), BENCH_SIZE (1000 resources for Analyze), BENCH_STACK (3000 for AnalyzeStack).
import * as fs from "fs";
import * as path from "path";
import { policies } from "../policies";
import { mixedStack } from "./bench/inputs";
import { encodeWorkload, measureRun, type Run, startPack } from "./bench/measure";
import { clusterGuardPack, floorPack, noopPack, type PackOptions, repoRoot, shapesOf } from "./bench/packs";
import { median } from "./bench/stats";

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const size = Number(process.env.BENCH_SIZE ?? 1000);
const stackSize = Number(process.env.BENCH_STACK ?? 3000);

interface Patch {
    /** What the change replaces in @pulumi/policy/server.js, and with what; each must match `count` times. */
    find: RegExp;
    replace: string;
    count: number;
}

const typeSetSkip: Patch[] = [
    {
        find: /const pulumiType = policy_1\.getPulumiType\(p\.validateResource\);\s*if \(pulumiType && type !== pulumiType\) \{\s*const reason = [^;]+;/,
        replace:
            "const pulumiType = policy_1.getPulumiType(p.validateResource);\n" +
            "                        const typeFilter = p.validateResource.__pulumiTypeFilter;\n" +
            "                        if ((pulumiType && type !== pulumiType) || (typeof typeFilter === \"function\" && !typeFilter(type))) {\n" +
            "                            const reason = `Policy does not apply to resources of type '${type}'`;",
        count: 1,
    },
    {
        find: /const pulumiType = policy_1\.getPulumiType\(p\.validateStack\);\s*if \(pulumiType\) \{\s*const hasResourcesOfType = resources\.some\(r => r\.getType\(\) === pulumiType\);/,
        replace:
            "const pulumiType = policy_1.getPulumiType(p.validateStack);\n" +
            "                    const typeFilter = p.validateStack.__pulumiTypeFilter;\n" +
            "                    if (pulumiType || typeof typeFilter === \"function\") {\n" +
            "                        const hasResourcesOfType = resources.some(r => pulumiType ? r.getType() === pulumiType : typeFilter(r.getType()));",
        count: 1,
    },
];

const deserialiseOnce: Patch[] = [
    {
        find: /const deserd = deserialize_1\.deserializeProperties\((req|r)\.getProperties\(\), false\);\s*const props = proxy_1\.unknownCheckingProxy\(deserd\);/g,
        replace: "const props = $1.__propsOnce || ($1.__propsOnce = proxy_1.unknownCheckingProxy(deserialize_1.deserializeProperties($1.getProperties(), false)));",
        count: 2,
    },
];

/** A node_modules that is the repository's, except for a patched copy of @pulumi/policy. */
function patchedModules(name: string, patches: Patch[]): string {
    const modules = path.join(repoRoot, ".bench", `sdk-${name}`, "node_modules");
    fs.rmSync(path.dirname(modules), { recursive: true, force: true });
    fs.mkdirSync(path.join(modules, "@pulumi"), { recursive: true });
    const source = path.join(repoRoot, "node_modules");
    for (const entry of fs.readdirSync(source)) {
        if (entry !== "@pulumi") fs.symlinkSync(path.join(source, entry), path.join(modules, entry));
    }
    for (const entry of fs.readdirSync(path.join(source, "@pulumi"))) {
        if (entry !== "policy") fs.symlinkSync(path.join(source, "@pulumi", entry), path.join(modules, "@pulumi", entry));
    }
    const policy = path.join(modules, "@pulumi", "policy");
    fs.cpSync(path.join(source, "@pulumi", "policy"), policy, { recursive: true, dereference: true });
    const serverPath = path.join(policy, "server.js");
    let server = fs.readFileSync(serverPath, "utf8");
    for (const patch of patches) {
        const found = server.match(new RegExp(patch.find.source, "g"))?.length ?? 0;
        if (found !== patch.count) throw new Error(`patch ${patch.find} matched ${found} times, expected ${patch.count}: another @pulumi/policy version?`);
        server = server.replace(patch.find, patch.replace);
    }
    fs.writeFileSync(serverPath, server);
    return modules;
}

const variants: { label: string; patches: Patch[] }[] = [
    { label: "as published", patches: [] },
    { label: "type-set skip", patches: typeSetSkip },
    { label: "deserialise once", patches: deserialiseOnce },
    { label: "both", patches: [...typeSetSkip, ...deserialiseOnce] },
];

async function main(): Promise<void> {
    const shapes = shapesOf(policies);
    const packs = variants.flatMap((v, i) => {
        const options: PackOptions = { releaseDebugger: true, nodeModules: patchedModules(`v${i}`, v.patches), variant: `v${i}`, typeFilter: v.patches.some((p) => typeSetSkip.includes(p)) };
        return [
            { variant: v.label, pack: "cluster-guard", dir: clusterGuardPack(options) },
            { variant: v.label, pack: "floor", dir: floorPack(shapes, options) },
            { variant: v.label, pack: "no-op", dir: noopPack({ ...options, releaseDebugger: false }) },
        ];
    });
    const encoder = await startPack(packs[2].dir);
    const workload = encodeWorkload(encoder, { mixed: mixedStack(size), stacks: [{ size: stackSize, resources: mixedStack(stackSize) }], large: [], inFlight: 8, largeRepeats: 1 });
    await encoder.stop();
    const runs = new Map<string, Run[]>(packs.map((p) => [p.dir, []]));
    for (let round = 0; round < rounds; round++) {
        for (let i = 0; i < packs.length; i++) {
            const p = packs[(i + round * 3) % packs.length];
            process.stderr.write(`round ${round + 1}/${rounds}: ${p.variant}, ${p.pack}\n`);
            runs.get(p.dir)!.push(await measureRun(p.dir, workload));
        }
    }
    const analyzeCpu = (dir: string) => median(runs.get(dir)!.map((r) => ((r.analyze.cpuMs ?? NaN) * 1000) / size));
    const stackCpu = (dir: string) => median(runs.get(dir)!.map((r) => r.stacks[stackSize].cpuMs ?? NaN));
    console.log(`@pulumi/policy changes, ${new Date().toISOString().slice(0, 10)}: pack CPU time, median of ${rounds} rounds; Analyze ${size} mixed resources, AnalyzeStack ${stackSize}.\n`);
    console.log("variant            Analyze µs/resource: cluster-guard  floor  no-op  ÷no-op   AnalyzeStack ms: cluster-guard  floor  no-op  ÷no-op");
    for (const v of variants) {
        const [ours, floor, noop] = packs.filter((p) => p.variant === v.label).map((p) => p.dir);
        const a = [analyzeCpu(ours), analyzeCpu(floor), analyzeCpu(noop)];
        const s = [stackCpu(ours), stackCpu(floor), stackCpu(noop)];
        console.log(
            `${v.label.padEnd(19)}${a.map((x) => x.toFixed(0).padStart(8)).join("")}${(a[0] / a[2]).toFixed(2).padStart(8)}x` +
                `${s.map((x) => x.toFixed(0).padStart(8)).join("")}${(s[0] / s[2]).toFixed(2).padStart(8)}x`,
        );
    }
}

main().catch((e: Error) => {
    console.error(e.stack ?? e.message);
    process.exitCode = 1;
});
