// Reads what `cluster-guard scan` evaluates: Kubernetes YAML/JSON manifests (multi-document, List
// kinds), the simple `[{type, name, props}]` format, and `pulumi stack export` files, from files,
// directories and stdin. What cannot be read is skipped with a warning and the rest is still scanned.
import type { ResourceInput } from "../../engine/runner";
import { parseJson } from "./json";
import { jsonEntries, type KubernetesOptions, kubernetesObjects } from "./kubernetes";
import { defaultLimits, type InputLimits } from "./limits";
import { locateInputs } from "./locate";
import type { PositionIndex } from "./positions";
import { isStackExport, simpleResources, stackExportResources } from "./pulumi";
import { readInputText } from "./read";
import { formatWarning, type InputWarning, type Warn } from "./warnings";
import { parseYaml } from "./yaml";
import { isObject } from "../values";

export { defaultLimits, type InputLimits } from "./limits";
export { stdinPath } from "./locate";
export type { Position, PositionIndex } from "./positions";
export { formatWarning, type InputWarning } from "./warnings";

/** One scan unit: Analyze runs on `inputs`, AnalyzeStack on `outputs`. */
export interface ScanStack {
    source: string;
    /** The files it was read from. */
    files: string[];
    inputs: ResourceInput[];
    outputs: ResourceInput[];
}

export interface ReadOptions extends KubernetesOptions {
    limits?: Partial<InputLimits>;
}

export interface ReadResult {
    /** One per file that held anything to scan. */
    stacks: ScanStack[];
    warnings: InputWarning[];
    /** Per file, for locating findings to the line. */
    positions: Map<string, PositionIndex>;
    /** Files located (read or skipped). */
    filesSeen: number;
}

/** Thrown where inputs must all be readable (examples, tests): the first warning. */
export class InputError extends Error {}


function looksLikeJson(file: string, text: string): boolean {
    if (/\.json$/i.test(file)) return true;
    if (/\.ya?ml$/i.test(file)) return false;
    return /^\uFEFF?\s*[[{]/.test(text) && !/^\uFEFF?\s*\{\{/.test(text);
}

function parseFile(file: string, text: string, options: ReadOptions, limits: InputLimits, warn: Warn): { stack?: ScanStack; positions?: PositionIndex } {
    const single = (inputs: ResourceInput[]): ScanStack | undefined => (inputs.length > 0 ? { source: file, files: [file], inputs, outputs: inputs } : undefined);
    if (!looksLikeJson(file, text)) {
        const { documents, positions } = parseYaml(text, file, limits, warn);
        const entries = documents.map((d) => ({ value: d.value, pointer: `/${d.index}`, where: `document ${d.index + 1}`, line: d.line }));
        return { stack: single(kubernetesObjects(entries, { file, positions }, options, warn)), positions };
    }
    const parsed = parseJson(text, file, limits, warn);
    if (!parsed) return {};
    const { value, positions } = parsed;
    if (isStackExport(value)) {
        const { inputs, outputs } = stackExportResources(value, file, warn);
        return { stack: inputs.length > 0 ? { source: file, files: [file], inputs, outputs } : undefined, positions };
    }
    if (Array.isArray(value)) {
        if (value.length === 0) {
            warn({ file, reason: "no resources to scan: the array is empty" });
            return { positions };
        }
        const first = value.find(isObject);
        const inputs = first && "apiVersion" in first ? kubernetesObjects(jsonEntries(value), { file, positions }, options, warn) : simpleResources(value, file, warn);
        return { stack: single(inputs), positions };
    }
    if (isObject(value) && "apiVersion" in value) return { stack: single(kubernetesObjects(jsonEntries(value), { file, positions }, options, warn)), positions };
    warn({ file, reason: "skipped: expected Kubernetes manifests, [{type, name, props}] or a pulumi stack export" });
    return { positions };
}

/** Reads every input; each file with resources becomes its own stack. Never throws for a bad input. */
export function readInputs(paths: string[], options: ReadOptions = {}, onWarning?: Warn): ReadResult {
    const limits = { ...defaultLimits, ...options.limits };
    const warnings: InputWarning[] = [];
    const warn: Warn = (w) => {
        warnings.push(w);
        onWarning?.(w);
    };
    const files = locateInputs(paths, warn);
    const stacks: ScanStack[] = [];
    const positions = new Map<string, PositionIndex>();
    for (const file of files) {
        const read = readInputText(file, limits);
        if ("problem" in read) {
            warn({ file, reason: read.problem });
            continue;
        }
        const parsed = parseFile(file, read.text, options, limits, warn);
        if (parsed.positions) positions.set(file, parsed.positions);
        if (parsed.stack) stacks.push(parsed.stack);
    }
    return { stacks, warnings, positions, filesSeen: files.length };
}

/** Reads inputs that must all be good (examples, tests, scripts): throws InputError on the first warning. */
export function readStacks(paths: string[], options: ReadOptions = {}): ScanStack[] {
    return readInputs(paths, options, (w) => {
        throw new InputError(formatWarning(w));
    }).stacks;
}

/** Kubernetes objects held in memory (tests) as the resources a scan registers; names are namespace/name. */
export function kubernetesResources(objects: unknown[], source: string, options: KubernetesOptions = {}): ResourceInput[] {
    const entries = objects.map((value, i) => ({ value, pointer: `/${i}`, where: `${source} document ${i + 1}` }));
    return kubernetesObjects(entries, {}, options, (w) => {
        throw new InputError(w.reason);
    });
}

/**
 * Two resources with one URN would merge into one. Later duplicates get the file (and entry) in their
 * name; references to them inside their own file follow.
 */
function distinctUrns(stacks: ScanStack[]): ScanStack[] {
    const seen = new Set<string>();
    return stacks.map((stack) => {
        const renamed = new Map<string, string>();
        const identity = (r: ResourceInput) => r.urn ?? `${r.type}::${r.name}`;
        for (const r of stack.inputs) {
            const id = identity(r);
            if (!seen.has(id)) {
                seen.add(id);
                continue;
            }
            const suffix = `@${r.location?.file ?? stack.source}${r.location ? `#${r.location.pointer}` : ""}`.replace(/::/g, ":_:");
            renamed.set(id, r.urn ? `${r.urn}${suffix}` : `${r.name}${suffix}`);
            seen.add(renamed.get(id)!);
        }
        if (renamed.size === 0) return stack;
        const rename = (r: ResourceInput): ResourceInput => {
            const mapped = renamed.get(identity(r));
            const follow = (urn: string) => renamed.get(urn) ?? urn;
            return {
                ...r,
                ...(mapped ? (r.urn ? { urn: mapped, name: mapped.slice(mapped.lastIndexOf("::") + 2) } : { name: mapped }) : {}),
                ...(r.parent ? { parent: follow(r.parent) } : {}),
                ...(r.dependencies ? { dependencies: r.dependencies.map(follow) } : {}),
                ...(r.propertyDependencies
                    ? { propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, urns]) => [k, urns.map(follow)])) }
                    : {}),
            };
        };
        const inputs = stack.inputs.map(rename);
        return { ...stack, inputs, outputs: stack.outputs === stack.inputs ? inputs : stack.outputs.map(rename) };
    });
}

/** Merges files into one stack, as if one program declared everything; no two resources share a URN. */
export function mergeStacks(stacks: ScanStack[]): ScanStack {
    const distinct = distinctUrns(stacks);
    return {
        source: stacks.length === 1 ? stacks[0].source : `${stacks.length} files`,
        files: stacks.flatMap((s) => s.files),
        inputs: distinct.flatMap((s) => s.inputs),
        outputs: distinct.flatMap((s) => s.outputs),
    };
}

/** Each file as its own stack, still with no duplicate URN inside one. */
export function separateStacks(stacks: ScanStack[]): ScanStack[] {
    return stacks.map((s) => distinctUrns([s])[0]);
}

