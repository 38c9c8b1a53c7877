// Finding the resource of a stack that a reference names (an id, ARN or name equal to one of its output
// fields, or its URN), in time linear in the stack: an index built once per stack policy run instead of
// a scan of every resource for every reference. The SDK builds a new `resources` array for every stack
// policy call, so the indexes, keyed by that array, live as long as one policy's run.
import type { PolicyResource } from "@pulumi/policy";
import type { TypeSet } from "./types";
import { isUnknown, peek } from "./unknowns";

interface ReferenceIndex {
    /** Key to the first resource (in stack order) that it names. */
    byKey: Map<string, { resource: PolicyResource; position: number }>;
    /** The first resource whose key fields hold an unknown value before any known match, if any. */
    firstUnknown?: { resource: PolicyResource; position: number; field: string };
}

const indexes = new WeakMap<readonly PolicyResource[], Map<TypeSet, Map<string, ReferenceIndex>>>();

function buildIndex(resources: readonly PolicyResource[], types: TypeSet, fields: readonly string[]): ReferenceIndex {
    const index: ReferenceIndex = { byKey: new Map() };
    resources.forEach((resource, position) => {
        if (!types.has(resource.type)) return;
        const add = (key: string) => {
            if (!index.byKey.has(key)) index.byKey.set(key, { resource, position });
        };
        add(resource.urn);
        // A scan reads the fields in order and stops at an unknown one: later fields never match.
        for (const field of fields) {
            const value = peek(resource.props, field);
            if (isUnknown(value)) {
                index.firstUnknown ??= { resource, position, field };
                break;
            }
            if (typeof value === "string") add(value);
        }
    });
    return index;
}

function indexFor(resources: readonly PolicyResource[], types: TypeSet, fields: readonly string[]): ReferenceIndex {
    let byTypes = indexes.get(resources);
    if (!byTypes) {
        byTypes = new Map();
        indexes.set(resources, byTypes);
    }
    let byFields = byTypes.get(types);
    if (!byFields) {
        byFields = new Map();
        byTypes.set(types, byFields);
    }
    const key = fields.join("\u0000");
    let index = byFields.get(key);
    if (!index) {
        index = buildIndex(resources, types, fields);
        byFields.set(key, index);
    }
    return index;
}

/**
 * The first resource of `types`, in stack order, whose URN or one of `fields` equals `ref`. Like a scan
 * that reads each resource's fields through the SDK's proxy, it throws the SDK's unknown-value error when
 * it meets a resource whose field is unknown in this preview before it finds the one named.
 */
export function findReferenced(resources: readonly PolicyResource[], types: TypeSet, fields: readonly string[], ref: string): PolicyResource | undefined {
    const index = indexFor(resources, types, fields);
    const found = index.byKey.get(ref);
    const unknownFirst = index.firstUnknown;
    if (unknownFirst && (!found || unknownFirst.position < found.position)) {
        // Read it through the proxy, which throws the SDK's error for that field.
        void (unknownFirst.resource.props as Record<string, unknown>)[unknownFirst.field];
    }
    return found?.resource;
}
