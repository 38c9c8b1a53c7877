// Baseline files: findings accepted for now, keyed by fingerprint (policy, resource identity, field),
// so rewording a message or moving lines does not resurface them.
import * as fs from "fs";
import type { Finding, ResourceFindings, StackReport } from "./report/model";
import { systemErrorText } from "./values";

export class BaselineError extends Error {}

interface BaselineEntry {
    fingerprint: string;
    policy: string;
    resource: string;
    file?: string;
    field?: string;
}

interface BaselineFile {
    version: 1;
    tool: "cluster-guard";
    findings: BaselineEntry[];
}

export function readBaseline(file: string): Set<string> {
    let parsed: Partial<BaselineFile>;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "")) as Partial<BaselineFile>;
    } catch (e) {
        throw new BaselineError(`cannot read baseline ${file}: ${systemErrorText(e)}`);
    }
    if (parsed?.version !== 1 || !Array.isArray(parsed.findings)) {
        throw new BaselineError(`baseline ${file} is not a cluster-guard baseline (expected {"version": 1, "findings": [...]})`);
    }
    return new Set(parsed.findings.map((f) => f?.fingerprint).filter((f): f is string => typeof f === "string"));
}

function entryOf(resource: ResourceFindings, f: Finding): BaselineEntry {
    return {
        fingerprint: f.fingerprint,
        policy: f.policy,
        resource: resource.label,
        ...(f.location.file ? { file: f.location.file } : {}),
        ...(f.field ? { field: f.field } : {}),
    };
}

export function writeBaseline(file: string, stacks: readonly StackReport[]): number {
    const unique = new Map<string, BaselineEntry>();
    for (const r of stacks.flatMap((s) => s.resources)) for (const f of r.findings) unique.set(f.fingerprint, entryOf(r, f));
    const findings = [...unique.values()].sort((a, b) => a.policy.localeCompare(b.policy) || a.resource.localeCompare(b.resource) || a.fingerprint.localeCompare(b.fingerprint));
    const content: BaselineFile = { version: 1, tool: "cluster-guard", findings };
    try {
        fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
    } catch (e) {
        throw new BaselineError(`cannot write baseline ${file}: ${systemErrorText(e)}`);
    }
    return findings.length;
}
