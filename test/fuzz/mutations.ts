// The edits the fuzz makes to a resource. Each edit is one function that picks where and how from the
// seeded PRNG and describes itself in one line, so a reproducer says exactly what was done.
import { secretValue, unknownSentinels } from "../../engine/wire";
import { kubernetesWorkloadTokens } from "../../policies/core/types";
import { allPaths, defineOwn, deleteAt, formatPath, getAt, type Path, renameAt, setAt } from "./json-paths";
import type { Prng } from "./prng";

export const mutationKinds = [
    "delete", "null", "retype", "empty", "unknown", "secret", "huge-string", "deep-nesting",
    "huge-array", "unicode", "nul", "poison-key", "type-mismatch",
] as const;
export type MutationKind = (typeof mutationKinds)[number];
export type SentinelKind = keyof typeof unknownSentinels;
export const sentinelKinds = Object.keys(unknownSentinels) as SentinelKind[];

/** A resource as it will be sent: type token and props. */
export interface Subject {
    type: string;
    props: object;
}

export interface Mutant extends Subject {
    /** One clause per edit, e.g. `unknown(bool) at spec.hostPID`. */
    description: string;
    kinds: MutationKind[];
    /** Only unknown sentinels were put in: rule (a) compares its violations with the unmutated resource's. */
    unknownOnly: boolean;
}

export interface MutationLimits {
    /** Upper bound for generated large values (strings, arrays, nesting), in JSON bytes. */
    maxBytes: number;
    /**
     * Deepest generated nesting. A real engine (Go protobuf, 10,000 nested messages; two or three per JSON
     * level) delivers at most about 3,300 levels; the JS runner's protobuf serializer needs a larger
     * stack (`node --stack-size`) beyond about 1,500.
     */
    maxDepth: number;
    /** The kinds random mutants draw from; all by default. */
    kinds?: readonly MutationKind[];
}

type Edit = (subject: Subject, rng: Prng, limits: MutationLimits) => { subject: Subject; description: string };

const typeName = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const withProps = (subject: Subject, props: unknown): Subject => ({ ...subject, props: props as object });

/** A random non-root path; `filter` narrows it when some path qualifies. */
function pickPath(props: object, rng: Prng, filter?: (value: unknown) => boolean): Path | undefined {
    const paths = allPaths(props);
    const fitting = filter ? paths.filter((p) => filter(getAt(props, p))) : paths;
    if (fitting.length > 0) return rng.pick(fitting);
    return paths.length > 0 ? rng.pick(paths) : undefined;
}

/** The root or a random object inside it. */
function pickObjectPath(props: object, rng: Prng): Path {
    const objects = [[] as Path, ...allPaths(props).filter((p) => isObject(getAt(props, p)))];
    return rng.pick(objects);
}

/** A replacement at a random path; on props without fields, a new top-level field. */
function replaceSomewhere(subject: Subject, rng: Prng, make: (old: unknown) => unknown, name: string, filter?: (value: unknown) => boolean) {
    const path = pickPath(subject.props, rng, filter) ?? ["fuzz"];
    const replacement = make(getAt(subject.props, path));
    return { subject: withProps(subject, setAt(subject.props, path, replacement)), description: `${name} at ${formatPath(path)}` };
}

/**
 * Sizes grow by decades up to the byte limit (the last step is the limit itself); each step up is
 * `climb` times as likely as the one below, so a long run still sees some near the limit.
 */
function pickSize(rng: Prng, ladder: readonly number[], unitBytes: number, maxBytes: number, climb: number): number {
    const limit = Math.max(1, Math.floor(maxBytes / unitBytes));
    const sizes = [...ladder.filter((n) => n < limit), limit];
    let i = 0;
    while (i < sizes.length - 1 && rng.chance(climb)) i++;
    return sizes[i];
}

const retypeValues: unknown[] = [0, 1, -1, 65536, 1.5, 1e308, "", "true", "false", "0", "*", "0.0.0.0/0", "latest", true, false, [], [null], ["*"], [{}], {}, { a: 1 }];

const unicodeSamples = [
    "ünïcödé", "日本語", "🙂🔥", "e\u0301", "\u202Egnp.exe", "\uFEFFtrue", "ｔｒｕｅ", "\u0430dmin", "\uD800", "\uDFFFx",
    "\u200B", "İ", "ß", "\u2028", "kube\u2011system",
];

const poisonKeys = [
    "__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "prototype", "__getSpecialProxyTarget",
    "__isSpecialProxy", "__defineGetter__", "length", "then", "toJSON",
];

function poisonValues(container: unknown): unknown[] {
    return [
        {}, "x", 0, true, null, [],
        { annotations: { "exempt.clusterguard.io/k8s-pss-host-namespaces": "fuzz", "exempt.clusterguard.io/k8s-no-privileged-containers": "fuzz" } },
        { hostPID: true, privileged: true, enabled: false, endpointPublicAccess: false },
        isObject(container) ? { ...container } : {},
        { __getSpecialProxyTarget: {} },
    ];
}

const kubernetesKinds: unknown[] = ["Pod", "Deployment", "CronJob", "Namespace", "List", "PodList", "", "pod", 42, null, "RoleBinding", "CustomResourceDefinition"];
const apiVersions: unknown[] = ["v1", "apps/v1", "apps/v1beta1", "batch/v1beta1", "", "v1/", "/", "a/b/c", 1, "rbac.authorization.k8s.io/v1alpha1"];
const otherTokens = [
    ...kubernetesWorkloadTokens,
    "kubernetes:core/v1:Namespace", "kubernetes:core/v1:Secret", "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
    "kubernetes:networking.k8s.io/v1:NetworkPolicy", "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition",
    "aws:eks/cluster:Cluster", "aws:eks/nodeGroup:NodeGroup", "aws:ec2/launchTemplate:LaunchTemplate",
    "azure-native:containerservice:ManagedCluster", "azure-native:containerservice/v20250702preview:AgentPool",
    "gcp:container/cluster:Cluster", "gcp:container/nodePool:NodePool",
    "", "kubernetes:", "kubernetes::Pod", "aws:eks/cluster:Cluster ", "kubernetes:core/v1:PodPatchPatch",
];

/** A string of `length` characters: a seeded chunk repeated, mixing plain text with values policies look for. */
function hugeString(rng: Prng, length: number): string {
    const alphabet = ["a", "Z", "0", "/", "*", ":", "-", " ", "ü", "🙂", "0.0.0.0/0", "latest", "true", "\\"];
    let chunk = "";
    while (chunk.length < 64) chunk += rng.pick(alphabet);
    return chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length);
}

/** `value` wrapped `depth` times in arrays or in objects under `key`, built without recursion. */
function nest(value: unknown, depth: number, key: string | undefined): unknown {
    let out = value;
    for (let i = 0; i < depth; i++) out = key === undefined ? [out] : { [key]: out };
    return out;
}

const edits: Record<MutationKind, Edit> = {
    delete: (s, rng) => {
        const path = pickPath(s.props, rng);
        if (!path) return { subject: s, description: "delete (nothing to delete)" };
        return { subject: withProps(s, deleteAt(s.props, path)), description: `delete ${formatPath(path)}` };
    },
    null: (s, rng) => replaceSomewhere(s, rng, () => null, "null"),
    retype: (s, rng) => {
        const path = pickPath(s.props, rng) ?? ["fuzz"];
        const old = getAt(s.props, path);
        const replacement = rng.pick(retypeValues.filter((v) => typeName(v) !== typeName(old)));
        return { subject: withProps(s, setAt(s.props, path, replacement)), description: `retype ${formatPath(path)} to ${JSON.stringify(replacement)}` };
    },
    empty: (s, rng) =>
        replaceSomewhere(s, rng, (old) => (Array.isArray(old) ? [] : isObject(old) ? {} : typeof old === "number" ? 0 : typeof old === "boolean" ? false : ""), "empty"),
    unknown: (s, rng) => {
        const kind = rng.pick(sentinelKinds);
        return replaceSomewhere(s, rng, () => unknownSentinels[kind], `unknown(${kind})`);
    },
    secret: (s, rng) => {
        const twice = rng.chance(0.2);
        return replaceSomewhere(s, rng, (old) => (twice ? secretValue(secretValue(old ?? null)) : secretValue(old ?? null)), twice ? "secret(secret)" : "secret");
    },
    "huge-string": (s, rng, limits) => {
        const length = pickSize(rng, [1e3, 1e4, 1e5, 1e6], 1, limits.maxBytes, 0.5);
        const text = hugeString(rng, length);
        if (rng.chance(0.2)) {
            const path = pickObjectPath(s.props, rng);
            const key = text.slice(0, Math.min(length, 1e5));
            return { subject: withProps(s, setAt(s.props, [...path, key], "x")), description: `huge key (${key.length} chars) in ${formatPath(path)}` };
        }
        const append = rng.chance(0.5);
        return replaceSomewhere(s, rng, (old) => (append && typeof old === "string" ? old + text : text), `huge string (${length} chars, ${append ? "appended" : "replacing"})`, (v) => typeof v === "string");
    },
    "deep-nesting": (s, rng, limits) => {
        const depth = pickSize(rng, [10, 100, 1000], 1, Math.min(limits.maxDepth, limits.maxBytes / 12), 0.3);
        const path = pickPath(s.props, rng) ?? ["fuzz"];
        const asObjects = rng.chance(0.5);
        const key = asObjects ? String(path[path.length - 1]) : undefined;
        const nested = nest(getAt(s.props, path) ?? null, depth, key);
        return { subject: withProps(s, setAt(s.props, path, nested)), description: `nested ${depth} deep (${asObjects ? "objects" : "arrays"}) at ${formatPath(path)}` };
    },
    "huge-array": (s, rng, limits) => {
        const path = pickPath(s.props, rng, Array.isArray) ?? ["fuzz"];
        const old = getAt(s.props, path);
        const element = Array.isArray(old) && old.length > 0 ? rng.pick(old) : (old ?? "x");
        const elementBytes = Math.max(2, (JSON.stringify(element) ?? "null").length + 1);
        // Large arrays cost the pack most (see the summary's slow calls), so they climb slowly.
        const count = pickSize(rng, [100, 1000, 10000, 100000], elementBytes, limits.maxBytes, 0.25);
        const array = Array.from({ length: count }, () => element);
        return { subject: withProps(s, setAt(s.props, path, array)), description: `huge array (${count} x ${elementBytes} bytes) at ${formatPath(path)}` };
    },
    unicode: (s, rng) => {
        const sample = rng.pick(unicodeSamples);
        if (rng.chance(0.25)) {
            const path = pickPath(s.props, rng, () => true);
            const key = path?.[path.length - 1];
            if (path && typeof key === "string") {
                const renamed = key.length > 0 ? `${key.slice(0, -1)}${sample}` : sample;
                return { subject: withProps(s, renameAt(s.props, path, renamed)), description: `rename key ${formatPath(path)} to ${JSON.stringify(renamed)}` };
            }
        }
        const mode = rng.pick(["replace", "append", "prepend"] as const);
        const make = (old: unknown) => (typeof old !== "string" || mode === "replace" ? sample : mode === "append" ? old + sample : sample + old);
        return replaceSomewhere(s, rng, make, `unicode ${JSON.stringify(sample)} (${mode})`, (v) => typeof v === "string");
    },
    nul: (s, rng) => {
        const mode = rng.pick(["append", "prepend", "middle", "only", "key"] as const);
        if (mode === "key") {
            const path = pickPath(s.props, rng);
            const key = path?.[path.length - 1];
            if (path && typeof key === "string") return { subject: withProps(s, renameAt(s.props, path, `${key}\u0000`)), description: `NUL appended to key ${formatPath(path)}` };
        }
        const make = (old: unknown) => {
            const text = typeof old === "string" ? old : "";
            const middle = Math.floor(text.length / 2);
            return mode === "append" ? `${text}\u0000` : mode === "prepend" ? `\u0000${text}` : mode === "middle" ? `${text.slice(0, middle)}\u0000${text.slice(middle)}` : "\u0000";
        };
        return replaceSomewhere(s, rng, make, `NUL (${mode})`, (v) => typeof v === "string");
    },
    "poison-key": (s, rng) => {
        const key = rng.pick(poisonKeys);
        if (rng.chance(0.3)) {
            const path = pickPath(s.props, rng, () => true);
            if (path && typeof path[path.length - 1] === "string") {
                return { subject: withProps(s, renameAt(s.props, path, key)), description: `rename key ${formatPath(path)} to ${JSON.stringify(key)}` };
            }
        }
        const at = pickObjectPath(s.props, rng);
        const container = getAt(s.props, at) ?? s.props;
        const value = rng.pick(poisonValues(container));
        const description = `own key ${JSON.stringify(key)} = ${JSON.stringify(value)?.slice(0, 80)} in ${formatPath(at)}`;
        if (at.length === 0) {
            const props = { ...s.props };
            defineOwn(props, key, value);
            return { subject: withProps(s, props), description };
        }
        return { subject: withProps(s, setAt(s.props, [...at, key], value)), description };
    },
    "type-mismatch": (s, rng) => {
        const kubernetes = isObject(s.props) && "kind" in s.props;
        const mode = kubernetes ? rng.pick(["kind", "apiVersion", "token"] as const) : "token";
        if (mode === "token") {
            const type = rng.pick(otherTokens.filter((t) => t !== s.type));
            return { subject: { ...s, type }, description: `type token ${JSON.stringify(s.type)} -> ${JSON.stringify(type)}` };
        }
        const value = rng.pick(mode === "kind" ? kubernetesKinds : apiVersions);
        return { subject: withProps(s, setAt(s.props, [mode], value)), description: `${mode} -> ${JSON.stringify(value)}` };
    },
};

// The expensive kinds are rarer, so a long run spends its time on many cheap cases.
const weights: Record<MutationKind, number> = {
    delete: 1, null: 1, retype: 1, empty: 1, unknown: 1.5, secret: 1, "huge-string": 0.3, "deep-nesting": 0.1,
    "huge-array": 0.1, unicode: 0.8, nul: 0.8, "poison-key": 1, "type-mismatch": 0.8,
};

function pickKind(rng: Prng, kinds: readonly MutationKind[]): MutationKind {
    const total = kinds.reduce((sum, k) => sum + weights[k], 0);
    let r = rng.next() * total;
    for (const k of kinds) {
        r -= weights[k];
        if (r < 0) return k;
    }
    return kinds[kinds.length - 1];
}

const large: ReadonlySet<MutationKind> = new Set(["huge-string", "deep-nesting", "huge-array"]);

/** One to three random edits of one resource; large values come last, so other edits need not walk them. */
export function randomMutant(subject: Subject, rng: Prng, limits: MutationLimits): Mutant {
    const count = rng.chance(0.8) ? 1 : rng.chance(0.75) ? 2 : 3;
    const planned = Array.from({ length: count }, () => pickKind(rng, limits.kinds ?? mutationKinds));
    const ordered = [...planned.filter((k) => !large.has(k)), ...planned.filter((k) => large.has(k))];
    let current = subject;
    const descriptions: string[] = [];
    const kinds: MutationKind[] = [];
    for (const kind of ordered) {
        const { subject: next, description } = edits[kind](current, rng, limits);
        current = next;
        descriptions.push(description);
        kinds.push(kind);
    }
    return { ...current, description: descriptions.join("; "), kinds, unknownOnly: kinds.every((k) => k === "unknown") };
}

/**
 * Every path of the resource replaced by an object whose toString is not a function: any String(x),
 * template literal or comparison that coerces an untrusted value throws on it.
 */
export function* coercionSweep(subject: Subject): Generator<Mutant> {
    for (const path of allPaths(subject.props)) {
        yield {
            type: subject.type,
            props: setAt(subject.props, path, JSON.parse('{"toString": {}}')) as object,
            description: `{"toString": {}} at ${formatPath(path)}`,
            kinds: ["retype"],
            unknownOnly: false,
        };
    }
}

/**
 * Every path of the resource made unknown, with every sentinel kind (or, with `rotate`, one kind per
 * path in turn): the systematic half of rule (a).
 */
export function* unknownSweep(subject: Subject, rotate = false): Generator<Mutant> {
    for (const [index, path] of allPaths(subject.props).entries()) {
        for (const kind of rotate ? [sentinelKinds[index % sentinelKinds.length]] : sentinelKinds) {
            yield {
                type: subject.type,
                props: setAt(subject.props, path, unknownSentinels[kind]) as object,
                description: `unknown(${kind}) at ${formatPath(path)}`,
                kinds: ["unknown"],
                unknownOnly: true,
            };
        }
    }
}
