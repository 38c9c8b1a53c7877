// Pulumi-shaped inputs: the simple `[{type, name, props}]` format and `pulumi stack export` files.
// Each resource keeps its URN and JSON pointer for reports; malformed entries are skipped with a warning.
import type { ResourceInput } from "../../engine/runner";
import { secretSig, secretValue, signatureKey, unknownSentinels } from "../../engine/wire";
import type { Warn } from "./warnings";
import { isObject, type Json } from "../values";

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((d): d is string => typeof d === "string") : []);

export function simpleResources(entries: unknown[], file: string, warn: Warn): ResourceInput[] {
    const out: ResourceInput[] = [];
    entries.forEach((entry, i) => {
        const skip = (reason: string) => warn({ file, reason: `entry ${i} skipped: ${reason}` });
        if (!isObject(entry) || typeof entry.type !== "string" || typeof entry.name !== "string") {
            return skip(`expected {"type": "<token>", "name": "<name>", "props": {...}}`);
        }
        if (entry.props !== undefined && !isObject(entry.props)) {
            return skip(`props must be an object, got ${entry.props === null ? "null" : Array.isArray(entry.props) ? "an array" : `a ${typeof entry.props}`}`);
        }
        out.push({
            type: entry.type,
            name: entry.name,
            props: entry.props ?? {},
            ...(typeof entry.urn === "string" ? { urn: entry.urn } : {}),
            ...(typeof entry.parent === "string" ? { parent: entry.parent } : {}),
            ...(Array.isArray(entry.dependencies) ? { dependencies: strings(entry.dependencies) } : {}),
            location: { file, pointer: `/${i}`, propsPointer: `/${i}/props` },
        });
    });
    return out;
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

export function isStackExport(doc: unknown): doc is Json {
    return isObject(doc) && isObject(doc.deployment);
}

/**
 * Inputs (for Analyze) and outputs (for AnalyzeStack) of every live resource but the stack, each naming its
 * provider with the provider's inputs. Providers themselves go to AnalyzeStack only, as `pulumi policy
 * analyze` hands them (analyze_snapshot.go): which cluster a Kubernetes object goes to is read from them.
 */
export function stackExportResources(doc: Json, file: string, warn: Warn): { inputs: ResourceInput[]; outputs: ResourceInput[] } {
    const deployment = doc.deployment as Json;
    const inputs: ResourceInput[] = [];
    const outputs: ResourceInput[] = [];
    if (!Array.isArray(deployment.resources)) {
        warn({ file, reason: "skipped: a pulumi stack export without deployment.resources" });
        return { inputs, outputs };
    }
    const isProvider = (type: string) => type.startsWith("pulumi:providers:");
    const providers = new Map<string, NonNullable<ResourceInput["provider"]>>();
    for (const r of deployment.resources as unknown[]) {
        if (!isObject(r) || typeof r.type !== "string" || typeof r.urn !== "string" || !isProvider(r.type) || r.delete === true) continue;
        providers.set(r.urn, { type: r.type, name: nameOf(r.urn), urn: r.urn, props: isObject(r.inputs) ? (decodeExportValue(r.inputs) as Json) : {} });
    }
    deployment.resources.forEach((r: unknown, i: number) => {
        const pointer = `/deployment/resources/${i}`;
        if (!isObject(r) || typeof r.type !== "string" || typeof r.urn !== "string") {
            return warn({ file, reason: `deployment.resources[${i}] skipped: not a resource (an object with string type and urn)` });
        }
        if (r.type === "pulumi:pulumi:Stack" || r.delete === true) return;
        for (const key of ["inputs", "outputs"] as const) {
            if (r[key] !== undefined && !isObject(r[key])) warn({ file, reason: `deployment.resources[${i}].${key} is not an object; read as {}` });
        }
        // A provider reference is `<provider URN>::<provider id>`.
        const provider = typeof r.provider === "string" ? providers.get(r.provider.slice(0, r.provider.lastIndexOf("::"))) : undefined;
        const common = {
            type: r.type,
            name: nameOf(r.urn),
            urn: r.urn,
            ...(typeof r.parent === "string" ? { parent: r.parent } : {}),
            dependencies: strings(r.dependencies),
            propertyDependencies: isObject(r.propertyDependencies) ? (r.propertyDependencies as Record<string, string[]>) : {},
            ...(provider ? { provider } : {}),
            location: { file, pointer, propsPointer: `${pointer}/inputs`, outputsPointer: `${pointer}/outputs` },
        };
        if (!isProvider(r.type)) inputs.push({ ...common, props: isObject(r.inputs) ? (decodeExportValue(r.inputs) as Json) : {} });
        outputs.push({ ...common, props: isObject(r.outputs) ? (decodeExportValue(r.outputs) as Json) : {} });
    });
    if (inputs.length === 0) warn({ file, reason: "no resources to scan: the stack export holds only the stack and providers" });
    return { inputs, outputs };
}

function nameOf(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}
