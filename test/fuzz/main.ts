// `npm run fuzz -- --seed N --n COUNT [options]`: fuzzes the compiled pack through the engine runner.
// `npm run fuzz -- --replay FILE` replays one reproducer.
import * as path from "path";
import { packDir } from "../e2e";
import { analyzeConfig, Campaign, remediateConfig } from "./campaign";
import { corpusStacks } from "./corpus";
import { type MutationKind, mutationKinds } from "./mutations";
import { replay } from "./replay";
import { SupervisedRunner } from "./supervisor";
import { noopPack } from "../../scripts/bench/packs";

const usage = `usage: npm run fuzz -- --seed N --n COUNT [--stack M] [--remediate R] [--sweep] [--stack-sweep rotate|all]
                       [--max-bytes B] [--max-depth D] [--kinds K,...] [--out DIR]
       npm run fuzz -- --replay FILE

  --n COUNT        random Analyze calls (each on a random family, resource and one to three edits)
  --stack M        random AnalyzeStack calls over whole example stacks with mutated members (default COUNT/50),
                   and M/4 over Kubernetes stacks sent through two providers with edited configuration
  --remediate R    random Remediate calls with every policy at remediate (default COUNT/50)
  --sweep          also make every path of every resource unknown, with every sentinel kind, and replace
                   every path by {"toString": {}}, which throws when coerced to a string (Analyze)
  --stack-sweep K  also make every path of every stack member unknown in AnalyzeStack (one kind in turn, or all)
  --max-bytes B    largest generated value (default 10000000)
  --max-depth D    deepest generated nesting (default 3300, about what a real engine can deliver)
  --kinds K,...    random edits only of these kinds (${mutationKinds.join(", ")})
  --out DIR        reproducer files (default .fuzz)`;

interface Args {
    seed: number;
    n: number;
    stack: number;
    remediate: number;
    sweep: boolean;
    stackSweep?: "rotate" | "all";
    maxBytes: number;
    maxDepth: number;
    kinds?: MutationKind[];
    out: string;
    replay?: string;
}

function parseKinds(text: string): MutationKind[] {
    const kinds = text.split(",");
    const wrong = kinds.filter((k) => !(mutationKinds as readonly string[]).includes(k));
    if (wrong.length > 0) throw new Error(`unknown mutation kind(s) ${wrong.join(", ")}`);
    return kinds as MutationKind[];
}

function parseArgs(argv: string[]): Args {
    const values = new Map<string, string>();
    const flags = new Set<string>();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (!arg.startsWith("--")) throw new Error(`unexpected argument ${arg}`);
        if (arg === "--sweep") flags.add(arg);
        else if (i + 1 < argv.length) values.set(arg, argv[++i]);
        else throw new Error(`${arg} needs a value`);
    }
    const known = new Set(["--seed", "--n", "--stack", "--remediate", "--stack-sweep", "--max-bytes", "--max-depth", "--kinds", "--out", "--replay"]);
    for (const key of values.keys()) if (!known.has(key)) throw new Error(`unknown option ${key}`);
    const integer = (key: string, fallback?: number): number => {
        const text = values.get(key);
        if (text === undefined) {
            if (fallback === undefined) throw new Error(`${key} is required`);
            return fallback;
        }
        const n = Number(text);
        if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${key} must be a non-negative integer, got ${text}`);
        return n;
    };
    const stackSweep = values.get("--stack-sweep");
    if (stackSweep !== undefined && stackSweep !== "rotate" && stackSweep !== "all") throw new Error("--stack-sweep takes rotate or all");
    if (values.has("--replay")) return { seed: 0, n: 0, stack: 0, remediate: 0, sweep: false, maxBytes: 0, maxDepth: 0, out: "", replay: values.get("--replay") };
    const n = integer("--n");
    return {
        seed: integer("--seed"),
        n,
        stack: integer("--stack", Math.ceil(n / 50)),
        remediate: integer("--remediate", Math.ceil(n / 50)),
        sweep: flags.has("--sweep"),
        ...(stackSweep ? { stackSweep } : {}),
        maxBytes: integer("--max-bytes", 10_000_000),
        maxDepth: integer("--max-depth", 3300),
        ...(values.has("--kinds") ? { kinds: parseKinds(values.get("--kinds")!) } : {}),
        out: values.get("--out") ?? path.join(packDir, ".fuzz"),
    };
}

/** Pack CPU time after which a call is a hang (far above the 2 s bound); a hang counts as slow. */
const hangMs = 20_000;

async function fuzz(args: Args): Promise<number> {
    // Started on the first call that is slow twice, to tell the SDK's own cost from the pack's.
    const sdkFloor = new SupervisedRunner({ packDir: noopPack({ releaseDebugger: true }), config: analyzeConfig }, hangMs);
    const campaign = new Campaign(
        { seed: args.seed, maxBytes: args.maxBytes, maxDepth: args.maxDepth, kinds: args.kinds, slowMs: 2000, slowBoundBytes: 10_000_000, packDir, outDir: args.out, log: (line) => console.log(line) },
        corpusStacks(),
        sdkFloor,
    );
    const progress = setInterval(() => console.error(`... ${campaign.report.total()} calls`), 60_000);
    const analyzer = new SupervisedRunner({ packDir, config: analyzeConfig }, hangMs);
    const remediator = new SupervisedRunner({ packDir, config: remediateConfig }, hangMs);
    const interrupted = () => {
        console.error(campaign.report.summary(["interrupted"]));
        void Promise.all([analyzer.stop(), remediator.stop(), sdkFloor.stop()]).finally(() => process.exit(130));
    };
    process.once("SIGINT", interrupted).once("SIGTERM", interrupted);
    let failure: unknown;
    try {
        await analyzer.start();
        await campaign.analyzeRandom(analyzer, args.n);
        if (args.sweep) {
            await campaign.analyzeSweep(analyzer);
            await campaign.coercionSweep(analyzer);
        }
        await campaign.stackRandom(analyzer, args.stack);
        await campaign.stackProviders(analyzer, Math.ceil(args.stack / 4));
        if (args.stackSweep) await campaign.stackSweep(analyzer, args.stackSweep === "all");
        await analyzer.stop();
        if (args.remediate > 0) {
            await remediator.start();
            await campaign.remediateRandom(remediator, args.remediate);
        }
    } catch (e) {
        failure = e;
    } finally {
        clearInterval(progress);
        await analyzer.stop();
        await remediator.stop();
        await sdkFloor.stop();
    }
    const starts = analyzer.starts + remediator.starts;
    console.log(
        campaign.report.summary([
            `seed ${args.seed}; pack starts: ${starts} (${starts - (args.remediate > 0 ? 2 : 1)} restarts); __proto__ keys dropped on the wire: ${analyzer.droppedKeys + remediator.droppedKeys}`,
        ]),
    );
    if (failure !== undefined) {
        console.error(`the fuzz stopped early: ${failure instanceof Error ? failure.message : String(failure)}`);
        return 2;
    }
    const r = campaign.report;
    const defects = r.total("policy-exception") + r.total("pack-death") + r.total("slow") + r.unknownRuleBreaches;
    return defects > 0 ? 1 : 0;
}

async function main(): Promise<number> {
    let args: Args;
    try {
        args = parseArgs(process.argv.slice(2));
    } catch (e) {
        console.error(`${(e as Error).message}\n${usage}`);
        return 2;
    }
    return args.replay ? replay(args.replay, packDir) : fuzz(args);
}

main().then(
    (code) => (process.exitCode = code),
    (e: Error) => {
        console.error(e.stack ?? e.message);
        process.exitCode = 2;
    },
);
