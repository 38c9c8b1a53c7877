// The packs ClusterGuard is measured against, generated under .bench/ and started like any pack:
// - the no-op pack: one resource and one stack policy that do nothing, what every pack pays;
// - the floor pack: ClusterGuard's shape with no-op bodies (same policy count and metadata, config
//   schemas included, same type sets, the SDK's single-type skip where ClusterGuard has it,
//   not-applicable for other types), what the SDK costs for a pack of this shape before any policy
//   reads a field.
// ClusterGuard itself runs from a directory laid out like an installed pack.
import * as fs from "fs";
import * as path from "path";
import type { ClusterGuardPolicy } from "../../policies/core/policy";
import { appliesToOf } from "../../policies/core/policy";

export const repoRoot = path.resolve(__dirname, "..", "..", "..");

export interface PackOptions {
    /** Release the SDK's V8 debugger as ClusterGuard does (policies/core/debugger). */
    releaseDebugger?: boolean;
}

/** A pack directory under .bench/ whose node_modules is the repository's. */
function writePack(name: string, source: string): string {
    const dir = path.join(repoRoot, ".bench", name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, version: "0.0.0", main: "index.js" }));
    fs.writeFileSync(path.join(dir, "index.js"), source);
    const modules = path.join(dir, "node_modules");
    if (!fs.existsSync(modules)) fs.symlinkSync(path.join(repoRoot, "node_modules"), modules, "dir");
    return dir;
}

function prelude(options: PackOptions): string {
    const lines = ['"use strict";', 'const { PolicyPack } = require("@pulumi/policy");'];
    if (options.releaseDebugger) {
        const module = path.join(repoRoot, "bin", "policies", "core", "debugger.js");
        lines.push(`require(${JSON.stringify(module)}).releaseSdkDebugger();`);
    }
    return lines.join("\n") + "\n";
}

/** One resource policy and one stack policy, both doing nothing. */
export function noopPack(options: PackOptions = {}): string {
    const name = options.releaseDebugger ? "noop-released" : "noop";
    return writePack(
        name,
        prelude(options) +
            `new PolicyPack(${JSON.stringify(name)}, { policies: [\n` +
            '    { name: "noop-resource", description: "does nothing", enforcementLevel: "advisory", validateResource: () => {} },\n' +
            '    { name: "noop-stack", description: "does nothing", enforcementLevel: "advisory", validateStack: () => {} },\n' +
            "] });\n",
    );
}

/** The shape of one policy, as the floor pack reproduces it. */
interface PolicyShape {
    /** What the SDK reports about the policy (name, level, severity, tags, config schema...). */
    metadata: Record<string, unknown>;
    kind: "resource" | "stack";
    tokens: readonly string[];
    patterns: readonly string[];
    single?: string;
    description: string;
}

export function shapesOf(policies: readonly ClusterGuardPolicy[]): PolicyShape[] {
    return policies.map((p) => {
        const set = appliesToOf(p);
        if (!set) throw new Error(`${p.name}: no type set recorded`);
        const check = ("validateStack" in p ? p.validateStack : p.validateResource) as { __pulumiType?: string };
        const metadata = Object.fromEntries(Object.entries(p).filter(([key]) => !["validateResource", "validateStack", "remediateResource"].includes(key)));
        return {
            metadata,
            kind: "validateStack" in p ? "stack" : "resource",
            tokens: set.tokens,
            patterns: set.patterns.map((r) => r.source),
            single: check.__pulumiType,
            description: set.description,
        };
    });
}

/** ClusterGuard as installed: its package.json and compiled pack, without the repository's tsconfig. */
export function clusterGuardPack(): string {
    const dir = path.join(repoRoot, ".bench", "cluster-guard");
    fs.mkdirSync(dir, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { name: string; version: string; main: string };
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: manifest.name, version: manifest.version, main: manifest.main }));
    for (const link of ["bin", "node_modules"]) {
        if (!fs.existsSync(path.join(dir, link))) fs.symlinkSync(path.join(repoRoot, link), path.join(dir, link), "dir");
    }
    return dir;
}

/** ClusterGuard's shape with bodies that only answer "not applicable" for other types. */
export function floorPack(shapes: readonly PolicyShape[], options: PackOptions = {}): string {
    const name = options.releaseDebugger ? "floor-released" : "floor";
    const policies = shapes.map((s) => {
        const tokens = JSON.stringify(s.tokens);
        const patterns = `[${s.patterns.map((p) => `new RegExp(${JSON.stringify(p)})`).join(", ")}]`;
        return `    ${s.kind}Policy(${JSON.stringify(s.metadata)}, ${tokens}, ${patterns}, ${JSON.stringify(s.single ?? null)}, ${JSON.stringify(s.description)}),`;
    });
    return writePack(
        name,
        prelude(options) +
            `
function matcher(tokens, patterns) {
    const exact = new Set(tokens);
    return (type) => exact.has(type) || patterns.some((p) => p.test(type));
}
function resourcePolicy(metadata, tokens, patterns, single) {
    const has = matcher(tokens, patterns);
    const validateResource = (args) => {
        if (!has(args.type)) args.notApplicable(\`Policy does not apply to resources of type '\${args.type}'\`);
    };
    if (single) validateResource.__pulumiType = single;
    return { ...metadata, validateResource };
}
function stackPolicy(metadata, tokens, patterns, single, description) {
    const has = matcher(tokens, patterns);
    const validateStack = (args) => {
        if (!args.resources.some((r) => has(r.type))) args.notApplicable(\`No resources of type \${description} in the stack\`);
    };
    if (single) validateStack.__pulumiType = single;
    return { ...metadata, validateStack };
}
new PolicyPack(${JSON.stringify(name)}, { policies: [
${policies.join("\n")}
] });
`,
    );
}
