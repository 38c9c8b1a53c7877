// Paths into JSON-like props and copy-on-write edits along them. Edits define own properties, so a key
// named `__proto__` or `constructor` is created as data, exactly as JSON.parse would create it.

export type PathStep = string | number;
export type Path = readonly PathStep[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Paths of every value in a JSON tree, parents before children (own keys only). */
export function allPaths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
    if (Array.isArray(value)) {
        value.forEach((v, i) => {
            out.push([...prefix, i]);
            allPaths(v, [...prefix, i], out);
        });
    } else if (isObject(value)) {
        for (const [k, v] of Object.entries(value)) {
            out.push([...prefix, k]);
            allPaths(v, [...prefix, k], out);
        }
    }
    return out;
}

/** `["spec", "containers", 0, "image"]` -> `spec.containers[0].image`; the root is `(root)`. */
export function formatPath(path: Path): string {
    if (path.length === 0) return "(root)";
    return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
}

export function getAt(value: unknown, path: Path): unknown {
    let current = value;
    for (const step of path) {
        if (typeof current !== "object" || current === null || !Object.prototype.hasOwnProperty.call(current, step)) return undefined;
        current = (current as Record<PathStep, unknown>)[step];
    }
    return current;
}

/** Sets an own, enumerable data property, even for `__proto__`. */
export function defineOwn(target: object, key: PathStep, value: unknown): void {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A shallow copy that keeps own keys as own data. */
function shallowCopy(value: unknown): Record<PathStep, unknown> | unknown[] {
    if (Array.isArray(value)) return [...value];
    const copy: Record<string, unknown> = {};
    if (isObject(value)) for (const [k, v] of Object.entries(value)) defineOwn(copy, k, v);
    return copy;
}

/** A copy of `value` with `edit` applied to the container of the last step; shares untouched subtrees. */
function editParent(value: unknown, path: Path, edit: (parent: Record<PathStep, unknown> | unknown[], key: PathStep) => void): unknown {
    if (path.length === 0) throw new Error("cannot edit the root's parent");
    const root = shallowCopy(value);
    let parent: Record<PathStep, unknown> | unknown[] = root;
    for (const step of path.slice(0, -1)) {
        const child = shallowCopy((parent as Record<PathStep, unknown>)[step]);
        defineOwn(parent, step, child);
        parent = child;
    }
    edit(parent, path[path.length - 1]);
    return root;
}

/** A copy with the value at `path` replaced (the root itself when `path` is empty). */
export function setAt(value: unknown, path: Path, replacement: unknown): unknown {
    if (path.length === 0) return replacement;
    return editParent(value, path, (parent, key) => defineOwn(parent, key, replacement));
}

/** A copy without the value at `path`: the key is removed, or the array element spliced out. */
export function deleteAt(value: unknown, path: Path): unknown {
    return editParent(value, path, (parent, key) => {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
    });
}

/** A copy where the key at `path` is renamed to `newKey`, keeping its value. */
export function renameAt(value: unknown, path: Path, newKey: string): unknown {
    return editParent(value, path, (parent, key) => {
        if (Array.isArray(parent)) return;
        const moved = parent[key];
        delete parent[key];
        defineOwn(parent, newKey, moved);
    });
}
