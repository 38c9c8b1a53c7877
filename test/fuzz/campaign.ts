// The fuzz phases: random and systematic Analyze, AnalyzeStack over whole example stacks with mutated
// members, and Remediate. Every call is classified; findings get a reproducer; unknown-only mutations
// are checked against rule (a).
import type { PolicyPackConfigFile } from "../../engine/config";
import type { AnalyzeResult, PolicyPackRunner, ResourceInput } from "../../engine/runner";
import { classifyAnalyze, classifyError, classifyRemediate, findingClasses, type Outcome } from "./classify";
import { type CorpusResource, type CorpusStack, families } from "./corpus";
import { coercionSweep, type Mutant, type MutationLimits, randomMutant, unknownSweep } from "./mutations";
import { caseSeed, prng, type Prng } from "./prng";
import { FuzzReport } from "./report";
import { type CallKind, describeFinding, type ReproducerFile, writeReproducer } from "./reproducer";
import type { SupervisedRunner } from "./supervisor";
import { addedViolations } from "./unknown-rule";

export interface CampaignSettings extends MutationLimits {
    seed: number;
    /**
     * A call slower than this (on its re-run, in the pack's own CPU time) is a finding, unless the SDK alone
     * (the no-op pack, on the same request) takes all but this much of it.
     */
    slowMs: number;
    /** The time bound is meant to hold for inputs up to this size (JSON bytes); larger ones are not judged. */
    slowBoundBytes: number;
    packDir: string;
    /** Where reproducer files go. */
    outDir: string;
    log(line: string): void;
}

/** Analyze and AnalyzeStack run with the pack's defaults, which run every policy; Remediate with all at remediate. */
export const analyzeConfig: PolicyPackConfigFile = {};
export const remediateConfig: PolicyPackConfigFile = { all: "remediate" };

interface Case<T> {
    phase: string;
    id: number;
    call: CallKind;
    config: PolicyPackConfigFile;
    subject: CorpusResource;
    mutation: string;
    /** What is sent, for the reproducer and the size bound. */
    input: ResourceInput[];
    invoke(runner: PolicyPackRunner): Promise<T>;
    classify(value: T): Outcome;
    /** For unknown-only mutations: rule (a) against the unmutated input. */
    unknownRule?: { baseline: ResourceInput[]; baselineResult(): Promise<AnalyzeResult | undefined>; result(value: T): AnalyzeResult };
}

const label = (r: CorpusResource) => `${r.type} "${r.name}" from ${r.source}`;
const asInput = (r: ResourceInput): ResourceInput => ({ type: r.type, name: r.name, props: r.props, ...(r.urn ? { urn: r.urn } : {}) });
/** `unknown(bool) at spec.containers[0].name` -> `spec.containers[].name`, to group breaches of one field. */
const fieldPattern = (mutation: string) => mutation.replace(/^unknown\(\w+\) at /, "").replace(/\[\d+\]/g, "[]");

const fuzzUrn = "urn:pulumi:fuzz::fuzz::";
const kubernetesProvider = "pulumi:providers:kubernetes";
const kubeconfigFor = (name: string) =>
    `apiVersion: v1\nclusters:\n- name: ${name}\n  cluster: {server: "https://${name}.example.com"}\ncontexts:\n- name: ${name}\n  context: {cluster: ${name}, user: ${name}}\ncurrent-context: ${name}\nusers:\n- name: ${name}\n  user: {token: fuzz}\n`;

/** How much the CPU time of one long request varies between processes of the same pack. */
const sdkCostNoise = 0.1;

export class Campaign {
    readonly report = new FuzzReport();
    private readonly baselines = new Map<object, Promise<AnalyzeResult | undefined>>();

    constructor(
        private readonly settings: CampaignSettings,
        private readonly stacks: readonly CorpusStack[],
        /** The no-op pack, what every pack pays on a request (gRPC and protobuf decoding, one deserialisation). */
        private readonly sdkFloor?: SupervisedRunner,
    ) {}

    private resourcesOf(family: string): CorpusResource[] {
        return this.stacks.filter((s) => s.family === family).flatMap((s) => s.resources);
    }

    private caseRng(phase: string, id: number): Prng {
        let salt = 0;
        for (const ch of phase) salt = (Math.imul(salt, 31) + ch.charCodeAt(0)) >>> 0;
        return prng(caseSeed(this.settings.seed ^ salt, id));
    }

    /** `count` Analyze calls, each on a random resource of a random family with one to three random edits. */
    async analyzeRandom(runner: SupervisedRunner, count: number, phase = "analyze"): Promise<void> {
        for (let id = 0; id < count; id++) {
            const rng = this.caseRng(phase, id);
            const subject = rng.pick(this.resourcesOf(rng.pick(families)));
            await this.analyzeMutant(runner, phase, id, subject, randomMutant(subject, rng, this.settings));
        }
    }

    /**
     * Every path of every resource made unknown, with every sentinel kind; with `every` > 1 only each
     * every-th of those cases (a prime stride varies the kind from path to path).
     */
    async analyzeSweep(runner: SupervisedRunner, every = 1, phase = "analyze-sweep"): Promise<void> {
        await this.sweep(runner, unknownSweep, every, phase);
    }

    /** Every path of every resource replaced by a value that throws when coerced to a string. */
    async coercionSweep(runner: SupervisedRunner, every = 1, phase = "coercion-sweep"): Promise<void> {
        await this.sweep(runner, coercionSweep, every, phase);
    }

    private async sweep(runner: SupervisedRunner, mutants: (subject: CorpusResource) => Iterable<Mutant>, every: number, phase: string): Promise<void> {
        let id = 0;
        for (const subject of this.stacks.flatMap((s) => s.resources)) {
            for (const mutant of mutants(subject)) {
                if (id++ % every === 0) await this.analyzeMutant(runner, phase, id - 1, subject, mutant);
            }
        }
    }

    private analyzeMutant(runner: SupervisedRunner, phase: string, id: number, subject: CorpusResource, mutant: Mutant): Promise<void> {
        const sent: ResourceInput = { type: mutant.type, name: subject.name, props: mutant.props };
        this.report.countFamily(subject.family);
        return this.run(runner, {
            phase, id, call: "analyze", config: analyzeConfig, subject, mutation: mutant.description, input: [sent],
            invoke: (r) => r.analyze(sent),
            classify: classifyAnalyze,
            ...(mutant.unknownOnly && mutant.type === subject.type
                ? { unknownRule: { baseline: [asInput(subject)], baselineResult: () => this.baseline(subject, () => runner.call((r) => r.analyze(asInput(subject)))), result: (v: AnalyzeResult) => v } }
                : {}),
        });
    }

    /** `count` AnalyzeStack calls over a random stack whose one to three members carry random edits. */
    async stackRandom(runner: SupervisedRunner, count: number, phase = "analyzeStack"): Promise<void> {
        for (let id = 0; id < count; id++) {
            const rng = this.caseRng(phase, id);
            const family = rng.pick(families);
            const stack = rng.pick(this.stacks.filter((s) => s.family === family));
            const edited = new Map<number, Mutant>();
            const members = rng.chance(0.7) ? 1 : rng.chance(0.7) ? 2 : 3;
            for (let i = 0; i < members; i++) {
                const index = rng.int(stack.resources.length);
                const current = edited.get(index) ?? stack.resources[index];
                const mutant = randomMutant(current, rng, this.settings);
                const previous = edited.get(index);
                edited.set(index, previous ? { ...mutant, description: `${previous.description}; ${mutant.description}`, kinds: [...previous.kinds, ...mutant.kinds], unknownOnly: previous.unknownOnly && mutant.unknownOnly } : mutant);
            }
            await this.stackCase(runner, phase, id, stack, edited);
        }
    }

    /**
     * `count` AnalyzeStack calls over a Kubernetes stack whose objects go through two Kubernetes providers with
     * randomly edited configuration (or the default one), as a stack that deploys to several clusters does.
     */
    async stackProviders(runner: SupervisedRunner, count: number, phase = "analyzeStack-providers"): Promise<void> {
        const stacks = this.stacks.filter((s) => s.family === "kubernetes");
        const cluster: ResourceInput = { type: "gcp:container/cluster:Cluster", name: "fuzz-cluster", urn: `${fuzzUrn}gcp:container/cluster:Cluster::fuzz-cluster`, props: { name: "fuzz-cluster" } };
        for (let id = 0; id < count; id++) {
            const rng = this.caseRng(phase, id);
            const stack = rng.pick(stacks);
            const providers = ["blue", "green"].map((name) => {
                const mutant = randomMutant({ type: kubernetesProvider, props: { kubeconfig: kubeconfigFor(name) } }, rng, this.settings);
                const resource: ResourceInput = {
                    type: mutant.type,
                    name,
                    urn: `${fuzzUrn}${mutant.type}::${name}`,
                    props: mutant.props,
                    ...(rng.chance(0.5) ? { propertyDependencies: { kubeconfig: [cluster.urn!] } } : {}),
                };
                return { mutant, resource };
            });
            const members = stack.resources.map((r) => {
                const via = providers[rng.int(providers.length + 1)]?.resource; // past the end: the default provider
                return via ? { ...asInput(r), provider: { type: via.type, name: via.name, urn: via.urn, props: via.props } } : asInput(r);
            });
            const input = [cluster, ...providers.map((p) => p.resource), ...members];
            await this.run(runner, {
                phase, id, call: "analyzeStack", config: analyzeConfig,
                subject: stack.resources[0],
                mutation: providers.map((p) => `provider "${p.resource.name}": ${p.mutant.description}`).join(" | "),
                input,
                invoke: (r) => r.analyzeStack(input),
                classify: classifyAnalyze,
            });
        }
    }

    /** Every path of every member of every stack made unknown; the sentinel kind rotates unless `allKinds`. */
    async stackSweep(runner: SupervisedRunner, allKinds: boolean, phase = "analyzeStack-sweep"): Promise<void> {
        let id = 0;
        for (const stack of this.stacks) {
            for (const [index, member] of stack.resources.entries()) {
                for (const mutant of unknownSweep(member, !allKinds)) await this.stackCase(runner, phase, id++, stack, new Map([[index, mutant]]));
            }
        }
    }

    private stackCase(runner: SupervisedRunner, phase: string, id: number, stack: CorpusStack, edited: Map<number, Mutant>): Promise<void> {
        const input = stack.resources.map((r, i) => {
            const mutant = edited.get(i);
            return mutant ? { ...asInput(r), type: mutant.type, props: mutant.props } : asInput(r);
        });
        const [firstIndex] = [...edited.keys()];
        const mutants = [...edited.entries()];
        const unknownOnly = mutants.every(([i, m]) => m.unknownOnly && m.type === stack.resources[i].type);
        return this.run(runner, {
            phase, id, call: "analyzeStack", config: analyzeConfig,
            subject: stack.resources[firstIndex],
            mutation: mutants.map(([i, m]) => `${stack.resources[i].type} "${stack.resources[i].name}": ${m.description}`).join(" | "),
            input,
            invoke: (r) => r.analyzeStack(input),
            classify: classifyAnalyze,
            ...(unknownOnly
                ? { unknownRule: { baseline: stack.resources.map(asInput), baselineResult: () => this.baseline(stack, () => runner.call((r) => r.analyzeStack(stack.resources.map(asInput)))), result: (v: AnalyzeResult) => v } }
                : {}),
        });
    }

    /** `count` Remediate calls on mutated Kubernetes resources, the only ones with remediations. */
    async remediateRandom(runner: SupervisedRunner, count: number, phase = "remediate"): Promise<void> {
        const resources = this.resourcesOf("kubernetes");
        for (let id = 0; id < count; id++) {
            const rng = this.caseRng(phase, id);
            const subject = rng.pick(resources);
            const mutant = randomMutant(subject, rng, this.settings);
            const sent: ResourceInput = { type: mutant.type, name: subject.name, props: mutant.props };
            await this.run(runner, {
                phase, id, call: "remediate", config: remediateConfig, subject, mutation: mutant.description, input: [sent],
                invoke: (r) => r.remediate(sent),
                classify: (v) => classifyRemediate(v.remediations),
            });
        }
    }

    /** The unmutated input's result, computed once per resource or stack. */
    private baseline(key: object, compute: () => Promise<{ value?: AnalyzeResult }>): Promise<AnalyzeResult | undefined> {
        let cached = this.baselines.get(key);
        if (!cached) {
            cached = compute().then((c) => c.value);
            this.baselines.set(key, cached);
        }
        return cached;
    }

    private async run<T>(runner: SupervisedRunner, c: Case<T>): Promise<void> {
        let call = await runner.call(c.invoke);
        // A request that protobuf alone takes most of the hang limit to decode hangs in any pack: call it
        // again with that time on top before judging it.
        const allowanceMs = call.hung && !call.idle ? await runner.decodeAllowanceMs(c.call, c.input) : 0;
        if (allowanceMs > 0) call = await runner.call(c.invoke, allowanceMs);
        this.report.time(c.phase, call.wallMs, () => `${c.phase} #${c.id} ${c.subject.type}: ${c.mutation.slice(0, 100)}`);
        if (call.foundDead) {
            this.report.count(c.phase, "pack-death");
            this.log("pack-death", { ...c, mutation: `${c.mutation} (the pack was found dead before this call; it died after answering the previous one)` }, { class: "pack-death" });
        }
        let outcome: Outcome;
        if (call.hung) outcome = this.hungOutcome(call.wallMs, call.packCpuMs, call.idle);
        else if (call.died) outcome = { class: "pack-death", detail: classifyError(call.error, this.settings.packDir).detail };
        else if (call.error !== undefined) outcome = classifyError(call.error, this.settings.packDir);
        else outcome = c.classify(call.value as T);
        if ((outcome.class === "ok" || outcome.class === "unknown-note") && call.wallMs > this.settings.slowMs) {
            outcome = (await this.confirmSlow(runner, c, call.wallMs, allowanceMs)) ?? outcome;
        }
        this.report.count(c.phase, outcome.class);
        if (findingClasses.has(outcome.class)) this.log(outcome.class, c, outcome);
        if (c.unknownRule && call.value !== undefined) await this.checkUnknownRule(c, c.unknownRule.result(call.value), outcome);
    }

    /** A call the pack never answered (it spent the hang limit in CPU time, or sat idle) is slow, without a re-run. */
    private hungOutcome(wallMs: number, packCpuMs: number | undefined, idle?: boolean): Outcome {
        const cpu = packCpuMs !== undefined ? `, pack CPU ${packCpuMs.toFixed(0)} ms` : "";
        const why = idle ? "the pack sat idle with the call pending, so its answer was lost" : "no answer within the hang limit";
        return { class: "slow", detail: `${why} (${wallMs.toFixed(0)} ms${cpu}); the pack was killed and restarted` };
    }

    /**
     * Re-runs a slow call once; it is slow only if the re-run also takes longer than the bound in wall time
     * and in the pack's own CPU time, the input is within the size the bound is meant for, and the pack
     * adds more than the bound (and, for a long call, more than 10 % of the no-op pack's time) to what the
     * no-op pack takes on the same request: decoding a few MB of protobuf alone can take longer than the bound, in any pack.
     */
    private async confirmSlow<T>(runner: SupervisedRunner, c: Case<T>, firstMs: number, allowanceMs: number): Promise<Outcome | undefined> {
        this.report.slowReruns++;
        const bytes = c.input.reduce((sum, r) => sum + (JSON.stringify(r.props)?.length ?? 0), 0);
        if (bytes > this.settings.slowBoundBytes) return undefined;
        const again = await runner.call(c.invoke, allowanceMs);
        const cost = again.packCpuMs ?? again.wallMs;
        const cpu = again.packCpuMs !== undefined ? `, pack CPU ${again.packCpuMs.toFixed(0)} ms` : "";
        const timing = `${firstMs.toFixed(0)} ms, re-run ${again.wallMs.toFixed(0)} ms${cpu}; input ${(bytes / 1e6).toFixed(2)} MB`;
        if (again.hung) return { class: "slow", detail: timing };
        if (again.wallMs <= this.settings.slowMs || cost <= this.settings.slowMs) return undefined;
        if (!this.sdkFloor) return { class: "slow", detail: timing };
        const floor = await this.sdkFloor.call(c.invoke, allowanceMs);
        let floorCost = floor.packCpuMs ?? floor.wallMs;
        let floorText = `the no-op pack ${floorCost.toFixed(0)} ms`;
        if (floor.error !== undefined || floor.hung) {
            // A fresh process overflows protobuf's recursive decoder at a smaller depth than a warm one, so
            // the no-op pack may reject a request the fuzzed pack took: time decoding it here instead.
            const decodeMs = runner.requestDecodeMs(c.call, c.input);
            if (decodeMs === undefined) return { class: "slow", detail: `${timing}; the no-op pack failed on it` };
            floorCost = decodeMs;
            floorText = `the no-op pack failed on it, and decoding the request alone takes ${decodeMs.toFixed(0)} ms`;
        }
        // Protobuf decoding the same request costs some 10 % more or less CPU from one process to the next
        // (26–29 s for one 160 KB request nested 1,000 deep), so a long one is judged on that margin too.
        if (cost - floorCost <= Math.max(this.settings.slowMs, floorCost * sdkCostNoise)) {
            this.report.sdkBoundSlow.push(`${timing}; ${floorText} (${c.subject.type}: ${c.mutation.slice(0, 80)})`);
            return undefined;
        }
        return { class: "slow", detail: `${timing}; ${floorText}` };
    }

    private async checkUnknownRule<T>(c: Case<T>, result: AnalyzeResult, outcome: Outcome): Promise<void> {
        const rule = c.unknownRule!;
        const baseline = await rule.baselineResult();
        if (!baseline) return;
        this.report.unknownRuleChecks++;
        const added = addedViolations(baseline, result);
        if (added.length === 0) return;
        this.log("unknown-rule", c, { ...outcome, detail: "an unknown value added a violation" }, { baseline: rule.baseline, added });
    }

    private log<T>(kind: string, c: Case<T>, outcome: Outcome, extra: Pick<ReproducerFile, "baseline" | "added"> = {}): void {
        const signature = this.signature(kind, c, outcome, extra);
        let file: string | undefined;
        if (this.report.wantsReproducer(kind, signature)) {
            const reproducer: ReproducerFile = {
                seed: this.settings.seed, case: `${c.phase} #${c.id}`, call: c.call, config: c.config, resource: label(c.subject),
                mutation: c.mutation, outcome, input: c.input, ...extra,
            };
            file = writeReproducer(this.settings.outDir, `seed-${this.settings.seed}-${c.phase}-${c.id}-${kind}`, reproducer);
            this.settings.log(describeFinding(kind === "unknown-rule" ? "rule (a) breach" : kind, reproducer, file));
        }
        this.report.addFinding(kind, signature, c.subject.type, file);
    }

    /** What makes two findings the same defect. */
    private signature<T>(kind: string, c: Case<T>, outcome: Outcome, extra: Pick<ReproducerFile, "added">): string {
        const firstLine = (outcome.detail ?? "").split("\n")[0].replace(/\d+/g, "N");
        switch (kind) {
            case "policy-exception":
                return `${outcome.policy}: ${(outcome.detail ?? "").replace(/\n\s*/g, " ")}`;
            case "rpc-error":
                return `${outcome.origin}${outcome.policy ? ` (${outcome.policy})` : ""}: ${firstLine}`;
            case "slow":
                return `${c.call} ${c.subject.type}: ${c.mutation.replace(/ at .*$|\d+/g, (m) => (m.startsWith(" at") ? "" : "N"))}`;
            case "unknown-rule":
                return `${(extra.added ?? []).map((a) => a.policy).join(", ")} on ${c.subject.type} at ${fieldPattern(c.mutation)}`;
            default:
                return `${c.call}: ${firstLine}`;
        }
    }
}
