// The packs ClusterGuard is measured against, generated under .bench/ and started like any pack:
// - the no-op pack: one resource and one stack policy that do nothing, what every pack pays;
// - the floor pack: ClusterGuard's shape with no-op bodies (same policy count and metadata, config
//   schemas included, same type sets, the SDK's single-type skip where ClusterGuard has it,
//   not-applicable for other types), what the SDK costs for a pack of this shape before any policy
//   reads a field.
// ClusterGuard itself runs from a directory laid out like an installed pack. Every pack can be pointed
// at another node_modules, e.g. one holding a modified copy of @pulumi/policy (sdk-experiments).
import * as fs from "fs";
import * as path from "path";
import type { ClusterGuardPolicy } from "../../policies/core/policy";
import { dist, writeDist } from "../bundle";
import { appliesToOf } from "../../policies/core/policy";

export const repoRoot = path.resolve(__dirname, "..", "..", "..");

export interface PackOptions {
    /** Release the SDK's V8 debugger as ClusterGuard does (policies/core/debugger). */
    releaseDebugger?: boolean;
    /** Have the SDK deserialise a request's props once, as ClusterGuard does (policies/core/deserialize-once). */
    deserializeOnce?: boolean;
    /** The node_modules the pack uses; the repository's by default. */
    nodeModules?: string;
    /** Suffix of the pack's directory name, for packs over another node_modules. */
    variant?: string;
    /** Tag every policy function with `__pulumiTypeFilter`, the type-set skip an SDK could offer. */
    typeFilter?: boolean;
}

function packDir(name: string, options: PackOptions): string {
    const dir = path.join(repoRoot, ".bench", options.variant ? `${name}-${options.variant}` : name);
    fs.mkdirSync(dir, { recursive: true });
    const modules = path.join(dir, "node_modules");
    if (!fs.existsSync(modules)) fs.symlinkSync(options.nodeModules ?? path.join(repoRoot, "node_modules"), modules, "dir");
    return dir;
}

/** The pack's name, and so its directory: one per combination of the SDK fixes it applies, so no two packs share one. */
function packName(base: string, options: PackOptions): string {
    return [base, ...(options.releaseDebugger ? ["released"] : []), ...(options.deserializeOnce ? ["once"] : [])].join("-");
}

/** A pack directory under .bench/ with the given index.js. */
function writePack(name: string, source: string, options: PackOptions): string {
    const dir = packDir(name, options);
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, version: "0.0.0", main: "index.js" }));
    fs.writeFileSync(path.join(dir, "index.js"), source);
    return dir;
}

function prelude(options: PackOptions, core = path.join(repoRoot, "bin", "policies", "core")): string {
    const lines = ['"use strict";', 'const { PolicyPack } = require("@pulumi/policy");'];
    if (options.releaseDebugger) lines.push(`require(${JSON.stringify(path.join(core, "debugger.js"))}).releaseSdkDebugger();`);
    if (options.deserializeOnce) lines.push(`require(${JSON.stringify(path.join(core, "deserialize-once.js"))}).deserializePropsOncePerRequest();`);
    return lines.join("\n") + "\n";
}

/** One resource policy and one stack policy, both doing nothing. */
export function noopPack(options: PackOptions = {}): string {
    const name = packName("noop", options);
    return writePack(
        name,
        prelude(options) +
            `new PolicyPack(${JSON.stringify(name)}, { policies: [\n` +
            '    { name: "noop-resource", description: "does nothing", enforcementLevel: "advisory", validateResource: () => {} },\n' +
            '    { name: "noop-stack", description: "does nothing", enforcementLevel: "advisory", validateStack: () => {} },\n' +
            "] });\n",
        options,
    );
}

/** The shape of one policy, as the floor pack reproduces it. */
interface PolicyShape {
    /** What the SDK reports about the policy (name, level, severity, tags, config schema...). */
    metadata: Record<string, unknown>;
    /** The SDK's single-type skip on each of its functions, null where the function has none. */
    resource?: { single: string | null };
    stack?: { single: string | null };
    tokens: readonly string[];
    patterns: readonly string[];
    /** The type set's description, for not-applicable reasons. */
    description: string;
}

export function shapesOf(policies: readonly ClusterGuardPolicy[]): PolicyShape[] {
    return policies.map((p) => {
        const set = appliesToOf(p);
        if (!set) throw new Error(`${p.name}: no type set recorded`);
        const functions = p as { validateResource?: { __pulumiType?: string }; validateStack?: { __pulumiType?: string } };
        const metadata = Object.fromEntries(Object.entries(p).filter(([key]) => !["validateResource", "validateStack", "remediateResource"].includes(key)));
        return {
            metadata,
            ...(functions.validateResource ? { resource: { single: functions.validateResource.__pulumiType ?? null } } : {}),
            ...(functions.validateStack ? { stack: { single: functions.validateStack.__pulumiType ?? null } } : {}),
            tokens: set.tokens,
            patterns: set.patterns.map((r) => r.source),
            description: set.description,
        };
    });
}

/**
 * ClusterGuard as installed: its package.json and the bundle it publishes, without the repository's tsconfig.
 * Over another node_modules, the compiled pack is copied (a symlink would resolve back to the
 * repository's modules) and started by an index that adds the type filter when asked.
 */
export function clusterGuardPack(options: PackOptions = {}): string {
    const dir = packDir("cluster-guard", options);
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { name: string; version: string; dependencies: Record<string, string> };
    if (!options.nodeModules) {
        // The bundle leaves the manifest's dependencies external, as in the published pack.
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: manifest.name, version: manifest.version, main: `${dist}/index.js`, dependencies: manifest.dependencies }));
        if (!fs.existsSync(path.join(dir, "bin"))) fs.symlinkSync(path.join(repoRoot, "bin"), path.join(dir, "bin"), "dir");
        writeDist(dir);
        return dir;
    }
    fs.rmSync(path.join(dir, "bin"), { recursive: true, force: true });
    fs.cpSync(path.join(repoRoot, "bin", "policies"), path.join(dir, "bin", "policies"), { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: manifest.name, version: manifest.version, main: "index.js" }));
    const filter = options.typeFilter
        ? "for (const p of policies) {\n" +
          "    const set = appliesToOf(p);\n" +
          "    for (const fn of [p.validateResource, p.validateStack]) {\n" +
          "        if (set && typeof fn === \"function\" && !fn.__pulumiType) fn.__pulumiTypeFilter = (type) => set.has(type);\n" +
          "    }\n" +
          "}\n"
        : "";
    fs.writeFileSync(
        path.join(dir, "index.js"),
        prelude(options, path.join(dir, "bin", "policies", "core")) +
            'const { policies } = require("./bin/policies");\n' +
            'const { appliesToOf } = require("./bin/policies/core/policy");\n' +
            filter +
            `new PolicyPack(${JSON.stringify(manifest.name)}, { policies: [...policies] });\n`,
    );
    return dir;
}

/** ClusterGuard's shape with bodies that only answer "not applicable" for other types. */
export function floorPack(shapes: readonly PolicyShape[], options: PackOptions = {}): string {
    const name = packName("floor", options);
    const policies = shapes.map((s) => {
        const tokens = JSON.stringify(s.tokens);
        const patterns = `[${s.patterns.map((p) => `new RegExp(${JSON.stringify(p)})`).join(", ")}]`;
        return `    policy(${JSON.stringify(s.metadata)}, ${tokens}, ${patterns}, ${JSON.stringify(s.resource ?? null)}, ${JSON.stringify(s.stack ?? null)}, ${JSON.stringify(s.description)}),`;
    });
    return writePack(
        name,
        prelude(options) +
            `
const typeFilter = ${options.typeFilter === true};
function matcher(tokens, patterns) {
    const exact = new Set(tokens);
    return (type) => exact.has(type) || patterns.some((p) => p.test(type));
}
function policy(metadata, tokens, patterns, resource, stack, description) {
    const has = matcher(tokens, patterns);
    const policy = { ...metadata };
    if (resource) {
        policy.validateResource = (args) => {
            if (!has(args.type)) args.notApplicable(\`Policy does not apply to resources of type '\${args.type}'\`);
        };
        tag(policy.validateResource, resource.single, has);
    }
    if (stack) {
        policy.validateStack = (args) => {
            if (!args.resources.some((r) => has(r.type))) args.notApplicable(\`No resources of type \${description} in the stack\`);
        };
        tag(policy.validateStack, stack.single, has);
    }
    return policy;
}
function tag(fn, single, has) {
    if (single) fn.__pulumiType = single;
    else if (typeFilter) fn.__pulumiTypeFilter = has;
}
new PolicyPack(${JSON.stringify(name)}, { policies: [
${policies.join("\n")}
] });
`,
        options,
    );
}
