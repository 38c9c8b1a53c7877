// Tallies of a fuzz run: calls per phase and class, findings grouped by signature (one defect usually
// fails many cases), rule (a) breaches, and the summary printed at the end.
import * as os from "os";
import { type OutcomeClass, outcomeClasses } from "./classify";

export interface FindingGroup {
    /** `rpc-error`, `policy-exception`, ..., or `unknown-rule` for a rule (a) breach. */
    label: string;
    signature: string;
    count: number;
    /** Reproducer files of the first few cases. */
    files: string[];
    /** Mutated resource types seen, for the lead's list. */
    types: Set<string>;
}

/** Reproducers written per signature; the rest are counted only. */
const filesPerSignature = 3;
const slowestKept = 5;

export class FuzzReport {
    private readonly calls = new Map<string, Map<OutcomeClass, number>>();
    private readonly groups = new Map<string, FindingGroup>();
    private readonly phaseMs = new Map<string, number>();
    private readonly analyzeByFamily = new Map<string, number>();
    /** The slowest calls (first run), to see where a run spends its time. */
    private readonly slowest: { ms: number; what: string }[] = [];
    private readonly startedAt = new Date();
    private readonly startedNs = process.hrtime.bigint();
    private readonly loadAtStart = os.loadavg()[0];
    slowReruns = 0;
    /** Calls over the bound where the pack adds less than the bound to the no-op pack's time on the same request. */
    readonly sdkBoundSlow: string[] = [];
    unknownRuleChecks = 0;

    /** Wall time of one call; keeps the few slowest. */
    time(phase: string, ms: number, what: () => string): void {
        this.phaseMs.set(phase, (this.phaseMs.get(phase) ?? 0) + ms);
        if (this.slowest.length < slowestKept || ms > this.slowest[this.slowest.length - 1].ms) {
            this.slowest.push({ ms, what: what() });
            this.slowest.sort((a, b) => b.ms - a.ms);
            this.slowest.length = Math.min(this.slowest.length, slowestKept);
        }
    }

    /** Analyze calls per family of the mutated resource. */
    countFamily(family: string): void {
        this.analyzeByFamily.set(family, (this.analyzeByFamily.get(family) ?? 0) + 1);
    }

    count(phase: string, outcome: OutcomeClass): void {
        const byClass = this.calls.get(phase) ?? new Map<OutcomeClass, number>();
        byClass.set(outcome, (byClass.get(outcome) ?? 0) + 1);
        this.calls.set(phase, byClass);
    }

    /** Records a finding; returns true while its signature still wants a reproducer file. */
    wantsReproducer(label: string, signature: string): boolean {
        return (this.groups.get(`${label}\u0000${signature}`)?.files.length ?? 0) < filesPerSignature;
    }

    addFinding(label: string, signature: string, type: string, file?: string): void {
        const key = `${label}\u0000${signature}`;
        const group = this.groups.get(key) ?? { label, signature, count: 0, files: [], types: new Set<string>() };
        group.count++;
        group.types.add(type);
        if (file) group.files.push(file);
        this.groups.set(key, group);
    }

    callsOf(phase: string, outcome: OutcomeClass): number {
        return this.calls.get(phase)?.get(outcome) ?? 0;
    }

    total(outcome?: OutcomeClass): number {
        let sum = 0;
        for (const byClass of this.calls.values()) for (const [c, n] of byClass) if (!outcome || c === outcome) sum += n;
        return sum;
    }

    findings(label?: string): FindingGroup[] {
        return [...this.groups.values()].filter((g) => !label || g.label === label);
    }

    /** Rule (a) breaches, case by case. */
    get unknownRuleBreaches(): number {
        return this.findings("unknown-rule").reduce((sum, g) => sum + g.count, 0);
    }

    summary(extra: string[] = []): string {
        const seconds = Number(process.hrtime.bigint() - this.startedNs) / 1e9;
        const header = ["phase", ...outcomeClasses, "total", "seconds"];
        const rows = [...this.calls.entries()].map(([phase, byClass]) => [
            phase,
            ...outcomeClasses.map((c) => String(byClass.get(c) ?? 0)),
            String([...byClass.values()].reduce((a, b) => a + b, 0)),
            ((this.phaseMs.get(phase) ?? 0) / 1000).toFixed(0),
        ]);
        rows.push(["all", ...outcomeClasses.map((c) => String(this.total(c))), String(this.total()), ""]);
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
        const table = [header, ...rows].map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "));
        const cpu = os.cpus();
        const lines = [
            "",
            "== fuzz summary ==",
            ...table,
            `Analyze calls per family: ${[...this.analyzeByFamily].map(([f, n]) => `${f} ${n}`).join(", ")}`,
            `rule (a) checks: ${this.unknownRuleChecks}, breaches: ${this.unknownRuleBreaches}`,
            `slow-call re-runs: ${this.slowReruns}`,
            `over the bound in any pack (the no-op pack takes all but the bound): ${this.sdkBoundSlow.length}${this.sdkBoundSlow.length ? `: ${this.sdkBoundSlow.slice(0, 5).join("; ")}` : ""}`,
            ...extra,
            `slowest calls: ${this.slowest.map((s) => `${s.ms.toFixed(0)} ms ${s.what}`).join("; ")}`,
            `time: ${seconds.toFixed(0)} s (started ${this.startedAt.toISOString()})`,
            `machine: ${cpu.length} x ${cpu[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, node ${process.version}; load average ${this.loadAtStart.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end`,
        ];
        const findings = [...this.groups.values()].sort((a, b) => b.count - a.count);
        if (findings.length > 0) lines.push("findings (grouped):");
        for (const g of findings) {
            lines.push(`  [${g.label}] x${g.count} ${g.signature}`, `      types: ${[...g.types].join(", ")}`);
            for (const f of g.files) lines.push(`      ${f}`);
        }
        return lines.join("\n");
    }
}
