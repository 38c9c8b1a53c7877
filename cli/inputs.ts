// Reads what `cluster-guard scan` evaluates: Kubernetes YAML/JSON manifests (multi-document, List
// kinds), the simple `[{type, name, props}]` format, and `pulumi stack export` files.
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import type { ResourceInput } from "../engine/runner";
import { secretValue, unknownSentinels, signatureKey, secretSig } from "../engine/wire";
import { kubernetesTokenFor } from "../policies/core/types";

/** One scan unit: Analyze runs on `inputs`, AnalyzeStack on `outputs`. */
export interface ScanStack {
    source: string;
    inputs: ResourceInput[];
    outputs: ResourceInput[];
}

export class InputError extends Error {}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Kubernetes objects become resources named like Pulumi's YAML support names them: namespace/name. */
export function kubernetesResources(objects: unknown[], source: string): ResourceInput[] {
    const out: ResourceInput[] = [];
    const visit = (obj: unknown, where: string) => {
        if (obj === null || obj === undefined) return;
        if (!isObject(obj) || typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
            throw new InputError(`${where}: not a Kubernetes object (apiVersion and kind are required)`);
        }
        if (obj.kind === "List" || (obj.kind.endsWith("List") && Array.isArray(obj.items))) {
            (Array.isArray(obj.items) ? obj.items : []).forEach((item, i) => visit(item, `${where} items[${i}]`));
            return;
        }
        const metadata = isObject(obj.metadata) ? obj.metadata : {};
        const name = typeof metadata.name === "string" ? metadata.name : `${obj.kind.toLowerCase()}-${out.length}`;
        const namespace = typeof metadata.namespace === "string" ? metadata.namespace : undefined;
        out.push({ type: kubernetesTokenFor(obj.apiVersion, obj.kind), name: namespace ? `${namespace}/${name}` : name, props: obj });
    };
    objects.forEach((obj, i) => visit(obj, `${source} document ${i + 1}`));
    return out;
}

function simpleResources(entries: unknown[], source: string): ResourceInput[] {
    return entries.map((entry, i) => {
        if (!isObject(entry) || typeof entry.type !== "string" || typeof entry.name !== "string") {
            throw new InputError(`${source} entry ${i}: expected {"type": "<token>", "name": "<name>", "props": {...}}`);
        }
        return {
            type: entry.type,
            name: entry.name,
            props: isObject(entry.props) ? entry.props : {},
            ...(typeof entry.urn === "string" ? { urn: entry.urn } : {}),
            ...(typeof entry.parent === "string" ? { parent: entry.parent } : {}),
            ...(Array.isArray(entry.dependencies) ? { dependencies: entry.dependencies.filter((d): d is string => typeof d === "string") } : {}),
        };
    });
}

/**
 * Secrets in an export are either decrypted (`plaintext`, with --show-secrets) or ciphertext. A policy
 * cannot read ciphertext, so it becomes an unknown value: the SDK reports the policy could not run.
 */
function decodeExportValue(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(decodeExportValue);
    if (!isObject(value)) return value;
    if (value[signatureKey] === secretSig) {
        if (typeof value.plaintext === "string") {
            try {
                return secretValue(decodeExportValue(JSON.parse(value.plaintext)));
            } catch {
                return secretValue(value.plaintext);
            }
        }
        if ("value" in value) return secretValue(decodeExportValue(value.value));
        return unknownSentinels.string;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeExportValue(v)]));
}

function stackExport(doc: Json, source: string): ScanStack {
    const deployment = isObject(doc.deployment) ? doc.deployment : undefined;
    if (!deployment || !Array.isArray(deployment.resources)) throw new InputError(`${source}: not a pulumi stack export`);
    const inputs: ResourceInput[] = [];
    const outputs: ResourceInput[] = [];
    for (const r of deployment.resources) {
        if (!isObject(r) || typeof r.type !== "string" || typeof r.urn !== "string") continue;
        if (r.type === "pulumi:pulumi:Stack" || r.type.startsWith("pulumi:providers:") || r.delete === true) continue;
        const common = {
            type: r.type,
            name: r.urn.slice(r.urn.lastIndexOf("::") + 2),
            urn: r.urn,
            ...(typeof r.parent === "string" ? { parent: r.parent } : {}),
            dependencies: Array.isArray(r.dependencies) ? r.dependencies.filter((d): d is string => typeof d === "string") : [],
            propertyDependencies: isObject(r.propertyDependencies) ? (r.propertyDependencies as Record<string, string[]>) : {},
        };
        inputs.push({ ...common, props: (decodeExportValue(r.inputs ?? {}) as Json) });
        outputs.push({ ...common, props: (decodeExportValue(r.outputs ?? {}) as Json) });
    }
    return { source, inputs, outputs };
}

function parseFile(file: string): ScanStack {
    const text = fs.readFileSync(file, "utf8");
    const source = file;
    if (/\.ya?ml$/i.test(file)) {
        const docs = YAML.parseAllDocuments(text);
        const errors = docs.flatMap((d) => d.errors);
        if (errors.length > 0) throw new InputError(`${file}: invalid YAML: ${errors[0].message}`);
        const inputs = kubernetesResources(docs.map((d) => d.toJS()), source);
        return { source, inputs, outputs: inputs };
    }
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw new InputError(`${file}: invalid JSON: ${(e as Error).message}`);
    }
    if (Array.isArray(doc)) {
        const looksKubernetes = doc.length > 0 && isObject(doc[0]) && "apiVersion" in doc[0];
        const inputs = looksKubernetes ? kubernetesResources(doc, source) : simpleResources(doc, source);
        return { source, inputs, outputs: inputs };
    }
    if (isObject(doc) && isObject(doc.deployment)) return stackExport(doc, source);
    if (isObject(doc) && "apiVersion" in doc) {
        const inputs = kubernetesResources([doc], source);
        return { source, inputs, outputs: inputs };
    }
    throw new InputError(`${file}: expected Kubernetes manifests, [{type, name, props}] or a pulumi stack export`);
}

/** Files under the given paths (directories recursively), sorted. */
export function listInputFiles(paths: string[]): string[] {
    const files: string[] = [];
    const walk = (p: string) => {
        const stat = fs.statSync(p, { throwIfNoEntry: false });
        if (!stat) throw new InputError(`${p}: no such file or directory`);
        if (stat.isDirectory()) {
            for (const entry of fs.readdirSync(p).sort()) {
                const child = path.join(p, entry);
                if (fs.statSync(child).isDirectory() || /\.(ya?ml|json)$/i.test(entry)) walk(child);
            }
        } else {
            files.push(p);
        }
    };
    paths.forEach(walk);
    return files;
}

/** Reads every file; each becomes its own stack. */
export function readStacks(paths: string[]): ScanStack[] {
    return listInputFiles(paths).map(parseFile);
}

/** Merges files into one stack, as if one program declared everything. */
export function mergeStacks(stacks: ScanStack[]): ScanStack {
    return {
        source: stacks.map((s) => s.source).join(", "),
        inputs: stacks.flatMap((s) => s.inputs),
        outputs: stacks.flatMap((s) => s.outputs),
    };
}
