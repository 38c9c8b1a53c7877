// Where a finding is: the field its message names, found in the resource's source file, and a
// fingerprint that survives message rewording and line shifts.
import { createHash } from "crypto";
import type { ResourceInput } from "../../engine/runner";
import { isKubernetesType, kindOf } from "../../policies/core/types";
import type { PositionIndex } from "../inputs";
import { pointerOf, segmentsOf } from "../inputs/positions";
import type { Location } from "./model";
import { isObject, type Json } from "../values";


/** Kubernetes objects by metadata (`Deployment "shop/web"`), everything else by Pulumi name, like the pack's messages. */
export function labelOf(resource: Pick<ResourceInput, "type" | "name" | "props">): string {
    if (!isKubernetesType(resource.type)) return `${kindOf(resource.type)} "${resource.name}"`;
    const metadata = isObject(resource.props) && isObject((resource.props as Json).metadata) ? ((resource.props as Json).metadata as Json) : {};
    const name = typeof metadata.name === "string" ? metadata.name : resource.name;
    const namespace = typeof metadata.namespace === "string" && metadata.namespace !== "" ? `${metadata.namespace}/` : "";
    return `${kindOf(resource.type)} "${namespace}${name}"`;
}

// `Deployment "shop/web": spec.template.spec.containers[0].image is ...`: the label, then a field path.
const labelled = /^(\S+ "(?:[^"\\]|\\.)*"): ([\s\S]*)$/;
const fieldPath = /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$/-]*|\[\d+\]|\["[^"\s]*"\])*/;

/** The message without the resource label (shown once per resource), and the field it starts with. */
export function splitMessage(message: string): { text: string; field?: string } {
    const match = labelled.exec(message);
    const text = match ? match[2] : message;
    const first = text.split(/\s/, 1)[0];
    const field = fieldPath.exec(first)?.[0];
    // A field is a path: it has a dot or an index, which plain words of a sentence do not.
    return field && field === first.replace(/[,:;]$/, "") && /[.[]/.test(field) ? { text, field } : { text };
}

export function fieldSegments(field: string): string[] {
    const segments: string[] = [];
    const part = /([A-Za-z_$][\w$/-]*)|\[(\d+)\]|\["([^"]*)"\]/g;
    for (let m = part.exec(field); m; m = part.exec(field)) segments.push(m[1] ?? m[2] ?? m[3]);
    return segments;
}

/** What identifies a resource across runs: its file, kind and namespace/name for manifests, else its URN. */
export function resourceIdentity(resource: ResourceInput, urn: string): string {
    if (isKubernetesType(resource.type) && resource.location) return `${resource.location.file}|${labelOf(resource)}`;
    return resource.urn ?? urn;
}

export function fingerprintOf(policy: string, identity: string, field: string | undefined): string {
    return createHash("sha256").update(`${policy}\n${identity}\n${field ?? ""}`).digest("hex").slice(0, 32);
}

export interface LocationRequest {
    resource: ResourceInput;
    field?: string;
    /** AnalyzeStack judged the outputs: point into them. */
    outputs?: boolean;
}

/** Locations for many findings, one lookup batch per file (a JSON lookup is a pass over the file). */
export function resolveLocations(requests: readonly LocationRequest[], positions: ReadonlyMap<string, PositionIndex>): Location[] {
    const pointers = requests.map(({ resource, field, outputs }) => {
        const at = resource.location;
        if (!at) return undefined;
        const base = outputs ? at.outputsPointer ?? at.propsPointer ?? at.pointer : at.propsPointer ?? at.pointer;
        return pointerOf([...segmentsOf(base), ...(field ? fieldSegments(field) : [])]);
    });
    const byFile = new Map<string, number[]>();
    requests.forEach((r, i) => {
        const file = r.resource.location?.file;
        if (file === undefined || !positions.has(file)) return;
        const list = byFile.get(file);
        if (list) list.push(i);
        else byFile.set(file, [i]);
    });
    const resolved: Location[] = requests.map(({ resource }, i) => {
        const at = resource.location;
        if (!at) return {};
        const isJson = at.propsPointer !== undefined;
        return { file: at.file, line: at.line, column: at.column, ...(isJson ? { pointer: pointers[i] } : {}) };
    });
    for (const [file, indexes] of byFile) {
        const found = positions.get(file)!.positionsOf(indexes.map((i) => pointers[i]!));
        indexes.forEach((requestIndex, k) => {
            if (found[k]) Object.assign(resolved[requestIndex], found[k]);
        });
    }
    return resolved;
}
