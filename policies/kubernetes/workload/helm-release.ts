// What the Helm Release policies share: the token, and a bounded walk over a Release's `values`.
import { asDict, isUnknown, peek, types } from "../../core";

export const helmRelease = types("kubernetes:helm.sh/v3:Release");

export interface ValueLeaf {
    /** `values.auth.password`, `values.extraEnv[0].value`, `values["eks.amazonaws.com/role-arn"]`. */
    path: string;
    /** The key that holds it; for the `value` of a `{ name, value }` entry, that entry's name. */
    key?: string;
    /** A scalar, or `unknown` when computed in a preview. */
    value: unknown;
}

const maxNodes = 5_000;
const maxDepth = 32;

function childPath(path: string, key: string | number): string {
    if (typeof key === "number") return `${path}[${key}]`;
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}["${key}"]`;
}

/** Every scalar and unknown under `values` (at most 5,000 nodes, 32 levels deep), without reading through an unknown. */
export function valueLeaves(values: unknown, root = "values"): ValueLeaf[] {
    const leaves: ValueLeaf[] = [];
    const stack: { value: unknown; path: string; key?: string; depth: number }[] = [{ value: values, path: root, depth: 0 }];
    let budget = maxNodes;
    while (stack.length > 0 && budget-- > 0) {
        const { value, path, key, depth } = stack.pop()!;
        if (isUnknown(value) || value === null || typeof value !== "object") {
            leaves.push({ path, ...(key !== undefined ? { key } : {}), value });
            continue;
        }
        if (depth >= maxDepth) continue;
        const children: { value: unknown; path: string; key?: string }[] = [];
        if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++) children.push({ value: peek(value, i), path: childPath(path, i), ...(key !== undefined ? { key } : {}) });
        } else {
            // A `{ name: "DB_PASSWORD", value: "..." }` entry (env lists in values) is judged under its name.
            const name = peek(value, "name");
            for (const k of Object.keys(asDict(value) ?? {})) {
                const named = k === "value" && typeof name === "string" ? name : k;
                children.push({ value: peek(value, k), path: childPath(path, k), key: named });
            }
        }
        for (const child of children.reverse()) stack.push({ ...child, depth: depth + 1 });
    }
    return leaves;
}
