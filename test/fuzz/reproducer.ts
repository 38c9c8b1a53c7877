// A finding's reproducer: a JSON file with the exact input (props keep `__proto__`-like own keys as
// JSON.parse recreates them), what was done to it, and a one-line command that replays it.
import * as fs from "fs";
import * as path from "path";
import type { PolicyPackConfigFile } from "../../engine/config";
import type { ResourceInput } from "../../engine/runner";
import type { Outcome } from "./classify";
import type { AddedViolations } from "./unknown-rule";

export type CallKind = "analyze" | "analyzeStack" | "remediate";

export interface ReproducerFile {
    seed: number;
    /** Phase and case number, e.g. `analyze #1234`. */
    case: string;
    call: CallKind;
    config: PolicyPackConfigFile;
    /** What was mutated: `<type> "<name>" from <source>`. */
    resource: string;
    mutation: string;
    outcome: Outcome;
    /** analyze and remediate: the one resource; analyzeStack: every resource of the stack. */
    input: ResourceInput[];
    /** Rule (a) breaches: the unmutated input, to compare with. */
    baseline?: ResourceInput[];
    added?: AddedViolations[];
}

export function replayCommand(file: string): string {
    return `npm run fuzz -- --replay ${file}`;
}

/** Writes the file under `dir` and returns its path, relative to the working directory when inside it. */
export function writeReproducer(dir: string, name: string, reproducer: ReproducerFile): string {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name.replace(/[^\w.-]+/g, "-")}.json`);
    fs.writeFileSync(file, JSON.stringify(reproducer));
    const relative = path.relative(process.cwd(), file);
    return relative.startsWith("..") ? file : relative;
}

export function readReproducer(file: string): ReproducerFile {
    return JSON.parse(fs.readFileSync(file, "utf8")) as ReproducerFile;
}

/** The lines printed for a finding. */
export function describeFinding(label: string, reproducer: ReproducerFile, file: string): string {
    const { outcome } = reproducer;
    const lines = [
        `[${label}] seed ${reproducer.seed}, ${reproducer.case} (${reproducer.call}): ${reproducer.resource}`,
        `  mutation: ${reproducer.mutation}`,
    ];
    if (outcome.origin) lines.push(`  origin: ${outcome.origin}`);
    if (outcome.policy || outcome.detail) lines.push(`  ${outcome.policy ? `policy ${outcome.policy}: ` : ""}${(outcome.detail ?? "").replace(/\n/g, "\n  ")}`);
    for (const a of reproducer.added ?? []) lines.push(`  ${a.policy}: ${a.before} -> ${a.after} violations; ${a.messages[a.messages.length - 1]}`);
    lines.push(`  input: ${file}`, `  replay: ${replayCommand(file)}`);
    return lines.join("\n");
}
