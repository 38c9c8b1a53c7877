// Links between resources, the way the engine gives them to a stack policy. A link is read by value
// where the value is known (an id, ARN or name equal to the target's output), and otherwise by property
// dependency: the engine tells, even in a first preview, which resources each input property was
// computed from. Also the component a resource belongs to, read from its URN.
import type { PolicyResource } from "@pulumi/policy";
import { pushTo } from "./collections";
import type { TypeSet } from "./types";
import { isUnknown, peek } from "./unknowns";
import { asString } from "./values";

export type LinkKind = "value" | "dependency";

export interface Link {
    target: PolicyResource;
    /** How it was found: the value named the target, or the property was computed from it. */
    via: LinkKind;
}

export interface LinkQuery {
    /** Top-level input property that holds the reference, e.g. "launchTemplate", "subnetIds", "resourceUri". */
    property: string;
    /** The reference values found inside that property (strings, or unknowns in a preview). */
    values: readonly unknown[];
    /** Target types. */
    types: TypeSet;
    /** Target output fields a value may equal, e.g. ["id", "arn"]; the URN always counts. */
    fields: readonly string[];
    /** ARM IDs and similar compare without regard to case. */
    ignoreCase?: boolean;
}

function normalise(text: string, ignoreCase: boolean): string {
    const trimmed = text.replace(/\/+$/, "");
    return ignoreCase ? trimmed.toLowerCase() : trimmed;
}

/** The known values of a target's link fields (unknown ones are left out). */
function knownKeys(target: PolicyResource, query: LinkQuery): string[] {
    const keys = [target.urn];
    for (const field of query.fields) {
        const value = asString(peek(target.props, field));
        if (value) keys.push(value);
    }
    return keys.map((k) => normalise(k, query.ignoreCase === true));
}

// Every target's known keys, built once per stack policy run (the SDK's `resources` array is new for
// each), so that resolving a stack's links is linear in the stack rather than a scan per reference.
const keyIndexes = new WeakMap<readonly PolicyResource[], Map<TypeSet, Map<string, Map<string, PolicyResource[]>>>>();

function keyIndex(resources: readonly PolicyResource[], query: LinkQuery): Map<string, PolicyResource[]> {
    let byTypes = keyIndexes.get(resources);
    if (!byTypes) {
        byTypes = new Map();
        keyIndexes.set(resources, byTypes);
    }
    let byFields = byTypes.get(query.types);
    if (!byFields) {
        byFields = new Map();
        byTypes.set(query.types, byFields);
    }
    const id = [query.ignoreCase === true, ...query.fields].join("\u0000");
    let index = byFields.get(id);
    if (!index) {
        index = new Map();
        for (const r of resources) {
            if (!query.types.has(r.type)) continue;
            for (const key of new Set(knownKeys(r, query))) pushTo(index, key, r);
        }
        byFields.set(id, index);
    }
    return index;
}

function hasUnknownKey(target: PolicyResource, fields: readonly string[]): boolean {
    return fields.some((field) => isUnknown(peek(target.props, field)));
}

/**
 * The resources `from` refers to through `query.property`. A known value links to the target whose
 * output field equals it (where several do, the one the property was computed from). An unknown value
 * (preview), or a known value that names nothing whose key is known, links to the targets the property
 * was computed from (propertyDependencies).
 */
export function linksOf(resources: readonly PolicyResource[], from: PolicyResource, query: LinkQuery): Link[] {
    const index = keyIndex(resources, query);
    const links = new Map<PolicyResource, LinkKind>();
    let unresolved = false;
    for (const value of query.values) {
        const text = asString(value);
        if (text === undefined || text === "" || isUnknown(value)) {
            unresolved ||= isUnknown(value);
            continue;
        }
        const key = normalise(text, query.ignoreCase === true);
        const match = oneOf(index.get(key)?.filter((c) => c !== from) ?? [], from, query);
        if (match) links.set(match, "value");
        else unresolved = true;
    }
    if (unresolved) {
        for (const target of dependencyTargets(from, query.property, query.types)) {
            // A dependency explains an unresolved value only while the target's key is unknown, or when
            // the value itself was unknown; a known key that matched nothing is another resource.
            if (!links.has(target) && (hasUnknownKey(target, query.fields) || query.values.some(isUnknown))) links.set(target, "dependency");
        }
    }
    return [...links].map(([target, via]) => ({ target, via }));
}

/**
 * Of the targets a value names, the one meant: with several (two GKE clusters named "primary" in two
 * locations, two launch templates of one name in two regions), the one the property was computed from.
 */
function oneOf(candidates: readonly PolicyResource[], from: PolicyResource, query: LinkQuery): PolicyResource | undefined {
    if (candidates.length <= 1) return candidates[0];
    const computedFrom = dependencyTargets(from, query.property, query.types);
    return candidates.find((c) => computedFrom.includes(c)) ?? candidates[0];
}

/** The resources of `types` that `from`'s input `property` was computed from. */
export function dependencyTargets(from: PolicyResource, property: string, types: TypeSet): PolicyResource[] {
    const deps = (from.propertyDependencies ?? {})[property];
    return Array.isArray(deps) ? deps.filter((d) => d && types.has(d.type)) : [];
}

/** The resources of `types` that `from` depends on in any way (its dependencies and property dependencies). */
export function dependsOn(from: PolicyResource, types: TypeSet): PolicyResource[] {
    const all = new Set<PolicyResource>((from.dependencies ?? []).filter((d) => d && types.has(d.type)));
    for (const deps of Object.values(from.propertyDependencies ?? {})) {
        for (const d of Array.isArray(deps) ? deps : []) if (d && types.has(d.type)) all.add(d);
    }
    return [...all];
}

/** The parts of a URN: `urn:pulumi:<stack>::<project>::<parent types $ ...>$<type>::<name>`. */
export interface UrnParts {
    type: string;
    /** Types of the ancestors, outermost first (components the resource was created in). */
    ancestorTypes: string[];
    name: string;
}

export function parseUrn(urn: string): UrnParts | undefined {
    const parts = urn.split("::");
    if (parts.length < 4 || !parts[0].startsWith("urn:pulumi:")) return undefined;
    const chain = parts[2].split("$");
    return { type: chain[chain.length - 1], ancestorTypes: chain.slice(0, -1), name: parts.slice(3).join("::") };
}

/** The nearest ancestor type of a resource (by URN) that `types` matches, e.g. `eks:index:Cluster`. */
export function enclosingComponentType(urn: string, types: TypeSet): string | undefined {
    const ancestors = parseUrn(urn)?.ancestorTypes ?? [];
    for (let i = ancestors.length - 1; i >= 0; i--) if (types.has(ancestors[i])) return ancestors[i];
    return undefined;
}
