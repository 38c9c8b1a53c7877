// The fuzz's fixed-seed slice: a few hundred calls through the engine runner, small inputs, every family.
// `npm run fuzz -- --seed N --n COUNT` runs the full fuzz; see test/fuzz/main.ts.
import * as assert from "assert";
import * as os from "os";
import * as path from "path";
import { packDir } from "../e2e";
import { AnalyzerCallError } from "../../engine/runner";
import { signatureKey } from "../../engine/wire";
import { analyzeConfig, Campaign, type CampaignSettings, remediateConfig } from "./campaign";
import { classifyError } from "./classify";
import { corpusStacks } from "./corpus";
import { knownDefectOf } from "./known-defects";
import { SupervisedRunner } from "./supervisor";

const seed = 15;

function sliceSettings(log: string[]): CampaignSettings {
    return {
        seed,
        // Small inputs keep the slice fast; the full fuzz goes up to 10 MB.
        maxBytes: 20_000,
        // Deeper nesting overflows the protobuf serializer on the test process's default stack (about 1,500 levels).
        maxDepth: 300,
        slowMs: 2000,
        slowBoundBytes: 10_000_000,
        packDir,
        outDir: path.join(os.tmpdir(), "cluster-guard-fuzz-slice"),
        log: (line) => log.push(line),
    };
}

/** Fails on defects of the pack; prints known ones and the RPC errors (which come from outside the pack). */
function assertNoDefects(campaign: Campaign, log: string[]): void {
    const unexpected = campaign.report.findings().filter((g) => g.label !== "rpc-error" && !knownDefectOf(g.label, g.signature));
    for (const g of campaign.report.findings()) {
        const known = knownDefectOf(g.label, g.signature);
        if (g.label === "rpc-error" || known) console.log(`      [${g.label}] x${g.count} ${g.signature}${known ? ` (known: ${known.owner})` : ""}`);
    }
    assert.deepStrictEqual(unexpected.map((g) => `[${g.label}] x${g.count} ${g.signature}`), [], log.join("\n"));
}

/**
 * One supervised runner for the enclosing describe block (started in its before hook) and a campaign
 * that logs its findings; `check` fails on the pack's defects.
 */
function useCampaign(config: Record<string, unknown>) {
    const runner = new SupervisedRunner({ packDir, config }, 60_000);
    before(async function () {
        this.timeout(120_000);
        await runner.start();
    });
    after(() => runner.stop());
    const log: string[] = [];
    const campaign = new Campaign(sliceSettings(log), corpusStacks());
    return { runner, campaign, check: () => assertNoDefects(campaign, log) };
}

describe(`fuzz slice (seed ${seed}): Analyze and AnalyzeStack through the engine runner`, () => {
    const { runner, campaign, check } = useCampaign(analyzeConfig);

    it("random edits of every family's resources: no policy exception, pack death or slow call", async () => {
        await campaign.analyzeRandom(runner, 150);
        check();
    });

    it("unknowns at a stride of every path and sentinel kind never add a violation (rule a)", async () => {
        await campaign.analyzeSweep(runner, 67);
        assert.ok(campaign.report.unknownRuleChecks > 130, `${campaign.report.unknownRuleChecks} rule (a) checks`);
        check();
    });

    it("values that throw when coerced to a string, at a stride of every path", async () => {
        await campaign.coercionSweep(runner, 11);
        check();
    });

    it("classifies the SDK's deserializer rejecting a forged signature as an RPC error from outside the pack", async () => {
        const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", labels: { [signatureKey]: "forged" } }, spec: { containers: [{ name: "a", image: "nginx" }] } };
        const call = await runner.call((r) => r.analyze({ type: "kubernetes:core/v1:Pod", name: "p", props: pod }));
        // policies/core/deserialize-once is on that stack, but the throw is the SDK's.
        assert.ok(call.error instanceof AnalyzerCallError);
        assert.match(call.error.detail, /deserialize-once/);
        assert.deepStrictEqual(
            { ...classifyError(call.error, packDir), detail: undefined, policy: undefined },
            { class: "rpc-error", origin: "@pulumi/policy deserializer", detail: undefined, policy: undefined },
        );
    });

    it("gives a request that protobuf is slow to decode its decoding time on top of the hang limit", async function () {
        this.timeout(120_000);
        // Nested arrays make google-protobuf's decoder quadratic in the depth, in every pack, before any policy runs.
        let deep: unknown = ["x".repeat(20_000)];
        for (let i = 0; i < 300; i++) deep = [deep];
        const pool = { type: "azure-native:containerservice:AgentPool", name: "deep", props: { count: deep } };
        // A limit this small is a hang for any real request: decoding alone takes a quarter of it or more.
        const strict = new SupervisedRunner({ packDir, config: analyzeConfig }, 4);
        try {
            assert.ok((await strict.decodeAllowanceMs("analyze", [pool])) > 0);
        } finally {
            await strict.stop();
        }
        assert.strictEqual(await runner.decodeAllowanceMs("analyze", [{ ...pool, props: { count: 3 } }]), 0);
    });

    it("whole example stacks with mutated members", async () => {
        await campaign.stackRandom(runner, 30);
        check();
    });

    it("Kubernetes stacks sent through two providers with edited configuration", async () => {
        await campaign.stackProviders(runner, 20);
        check();
    });
});

describe(`fuzz slice (seed ${seed}): Remediate through the engine runner`, () => {
    const { runner, campaign, check } = useCampaign(remediateConfig);

    it("random edits of Kubernetes resources with every policy at remediate", async () => {
        await campaign.remediateRandom(runner, 50);
        check();
    });
});
