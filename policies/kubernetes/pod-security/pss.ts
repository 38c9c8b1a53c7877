// Pod Security Standards, modelled on k8s.io/pod-security-admission (PSA): a versioned registry of
// checks. Each check has an ID, a level and one or more revisions, each with the first policy version
// it applies to; a restricted revision may override baseline checks (as PSA's OverrideCheckIDs).
// A check revision is a pure function over one pod spec that returns findings.
//
// Versions follow PSA: "latest" or "v1.N". "latest" and any version newer than the newest revision
// resolve to that newest revision (PSA's maxVersion clamp).
//
// Patch variants (`...Patch` types) carry partial specs. A check judges only what is present: an
// absent field is left to the live object, so a "must be set" rule (runAsNonRoot, allowPrivilegeEscalation,
// seccomp, drop ALL) flags only values that the patch explicitly sets to something not allowed.
import type { PolicyConfigSchema } from "@pulumi/policy";
import {
    asBool,
    asDict,
    asString,
    type CheckContext,
    type ContainerRef,
    containersOf,
    type Dict,
    kubernetes,
    PolicyConfigError,
    podSpecOf,
    type PodSpecLocation,
    show,
} from "../../core";

export type Level = "baseline" | "restricted";

/** A PSA policy version: a v1 minor number, or "latest". */
export type PolicyVersion = number | "latest";

/** What a check reports: the full field path, the problem (value found, who, allowed values) and the fix. */
export interface Finding {
    path: string;
    problem: string;
    fix: string;
}

/** One pod as the checks see it. */
export interface PodView {
    kind: string;
    isPatch: boolean;
    /** Dotted path of the pod spec, e.g. "spec.template.spec". */
    path: string;
    spec: Dict;
    /** spec.securityContext, when it is an object. */
    securityContext: Dict | undefined;
    containers: ContainerRef[];
    annotations: Dict | undefined;
    /** Dotted path of the pod's metadata.annotations. */
    annotationsPath: string;
}

export type CheckFn = (pod: PodView) => Finding[];

export interface CheckRevision {
    /** First policy minor version (v1.N) this revision applies to. */
    minVersion: number;
    check: CheckFn;
    /** Baseline check IDs this restricted revision replaces when evaluating the restricted level. */
    overrides?: readonly string[];
}

export interface PodSecurityCheck {
    id: string;
    level: Level;
    /** Short name of the control, for messages. */
    title: string;
    /** Revisions in strictly increasing minVersion order. */
    revisions: readonly CheckRevision[];
}

export const versionPattern = /^v1\.(0|[1-9][0-9]*)$/;

/** Parses "latest" or "v1.N"; undefined for anything else. */
export function parseVersion(value: unknown): PolicyVersion | undefined {
    if (value === "latest") return "latest";
    if (typeof value !== "string") return undefined;
    const match = versionPattern.exec(value);
    return match ? Number(match[1]) : undefined;
}

export function formatVersion(version: PolicyVersion): string {
    return version === "latest" ? "latest" : `v1.${version}`;
}

/** The registry: every check, its revisions, and the level/version resolution PSA does. */
export class CheckRegistry {
    readonly maxVersion: number;
    private readonly byId = new Map<string, PodSecurityCheck>();

    constructor(readonly checks: readonly PodSecurityCheck[]) {
        for (const c of checks) {
            if (this.byId.has(c.id)) throw new Error(`duplicate pod security check ${c.id}`);
            if (c.revisions.length === 0) throw new Error(`check ${c.id} has no revisions`);
            c.revisions.forEach((r, i) => {
                if (i > 0 && r.minVersion <= c.revisions[i - 1].minVersion) throw new Error(`check ${c.id}: versions must increase`);
                if (r.overrides?.length && c.level !== "restricted") throw new Error(`check ${c.id}: only restricted checks override`);
            });
            this.byId.set(c.id, c);
        }
        this.maxVersion = Math.max(...checks.map((c) => c.revisions[c.revisions.length - 1].minVersion));
    }

    get(id: string): PodSecurityCheck {
        const check = this.byId.get(id);
        if (!check) throw new Error(`unknown pod security check ${id}`);
        return check;
    }

    /** The minor version a policy version resolves to (PSA clamps to its newest revision). */
    resolve(version: PolicyVersion): number {
        return version === "latest" ? this.maxVersion : Math.min(version, this.maxVersion);
    }

    /** The revision of a check in force at a version, or undefined when the check does not exist yet. */
    revision(id: string, version: PolicyVersion): CheckRevision | undefined {
        const minor = this.resolve(version);
        const revisions = this.get(id).revisions;
        for (let i = revisions.length - 1; i >= 0; i--) {
            if (revisions[i].minVersion <= minor) return revisions[i];
        }
        return undefined;
    }

    /** The checks a level runs at a version: baseline checks, plus for restricted the restricted ones minus overridden baseline ones. */
    checksFor(level: Level, version: PolicyVersion): { check: PodSecurityCheck; revision: CheckRevision }[] {
        const active = this.checks
            .map((check) => ({ check, revision: this.revision(check.id, version) }))
            .filter((a): a is { check: PodSecurityCheck; revision: CheckRevision } => a.revision !== undefined)
            .filter((a) => level === "restricted" || a.check.level === "baseline");
        const overridden = new Set(active.flatMap((a) => (a.check.level === "restricted" ? (a.revision.overrides ?? []) : [])));
        return active.filter((a) => !(a.check.level === "baseline" && overridden.has(a.check.id)));
    }

    /** Evaluates a pod at a level and version, as PSA admission would. */
    evaluate(level: Level, version: PolicyVersion, pod: PodView): { check: PodSecurityCheck; findings: Finding[] }[] {
        return this.checksFor(level, version)
            .map(({ check, revision }) => ({ check, findings: revision.check(pod) }))
            .filter((r) => r.findings.length > 0);
    }
}

/** The pod view of a workload resource, or undefined when it has no pod spec. */
export function podViewOf(type: string, props: unknown): PodView | undefined {
    const loc: PodSpecLocation | undefined = podSpecOf(type, props);
    if (!loc) return undefined;
    const spec = loc.spec as Dict;
    const metadataPath = loc.path === "spec" ? "metadata" : `${loc.path.slice(0, -".spec".length)}.metadata`;
    return {
        kind: loc.kind,
        isPatch: loc.isPatch,
        path: loc.path,
        spec,
        securityContext: asDict(spec.securityContext),
        containers: containersOf(loc),
        annotations: asDict(asDict(loc.podMetadata)?.annotations),
        annotationsPath: `${metadataPath}.annotations`,
    };
}

// ---- helpers the checks share ----

/** A container's securityContext, when it is an object. */
export function containerSecurityContext(c: ContainerRef): Dict | undefined {
    return asDict(c.container.securityContext);
}

/** `"a", "b"` for messages. */
export function quoteList(values: readonly string[]): string {
    return values.map((v) => JSON.stringify(v)).join(", ");
}

/** True when spec.os.name is windows (PSA exempts these pods from some restricted checks from v1.25). */
export function isWindowsPod(pod: PodView): boolean {
    return asString(asDict(pod.spec.os)?.name) === "windows";
}

/** True when spec.hostUsers is false: the pod runs in a user namespace. */
export function inUserNamespace(pod: PodView): boolean {
    return asBool(pod.spec.hostUsers) === false;
}

/** Where in a pod a field is set: the pod's own securityContext, or a container's. */
export function whereLabel(c?: ContainerRef): string {
    return c ? `on ${c.label}` : "at pod level";
}

/** A finding for a value that is set but not allowed. */
export function badValue(path: string, value: unknown, c: ContainerRef | undefined, allowed: string, fix: string): Finding {
    return { path, problem: `is ${show(value)} ${whereLabel(c)}; allowed: ${allowed}`, fix };
}

// ---- policies: each wraps one check ----

export interface PodSecurityConfig {
    podSecurityVersion: string;
    version: PolicyVersion;
}

export const podSecurityConfigSchema: PolicyConfigSchema = {
    properties: {
        podSecurityVersion: {
            type: "string",
            default: "latest",
            pattern: "^(latest|v1\\.(0|[1-9][0-9]*))$",
            description:
                'Pod Security Standards version to apply, like the namespace label pod-security.kubernetes.io/enforce-version: "latest" or "v1.N" (e.g. "v1.30").',
        },
    },
};

export function parsePodSecurityConfig(policyName: string) {
    return (raw: Record<string, unknown>): PodSecurityConfig => {
        const value = raw.podSecurityVersion ?? "latest";
        const version = parseVersion(value);
        if (version === undefined) {
            throw new PolicyConfigError(policyName, `podSecurityVersion must be "latest" or "v1.N" (e.g. "v1.30"), got ${show(value)}`);
        }
        return { podSecurityVersion: String(value), version };
    };
}

/** The parts of a resource policy that run one check at the configured version. */
export function checkPolicyParts(registry: CheckRegistry, checkId: string, policyName: string) {
    registry.get(checkId);
    return {
        appliesTo: kubernetes.workloads,
        configSchema: podSecurityConfigSchema,
        parseConfig: parsePodSecurityConfig(policyName),
        validate: (props: unknown, ctx: CheckContext<PodSecurityConfig>) => {
            const revision = registry.revision(checkId, ctx.config.version);
            if (!revision) return;
            const pod = podViewOf(ctx.type, props);
            if (!pod) return;
            for (const f of revision.check(pod)) ctx.violation(f.path, f.problem, f.fix);
        },
    };
}

/** Deep copy of plain objects and arrays; other values (secrets) are kept as they are. Iterative: any depth. */
export function clonePlain<T>(value: T): T {
    const root = emptyCopy(value);
    const pending: [unknown, unknown][] = root === value ? [] : [[value, root]];
    while (pending.length > 0) {
        const [source, target] = pending.pop()!;
        if (Array.isArray(source)) {
            // Index by hand: Array methods on the SDK's unknown-checking proxy trip over its `get` trap.
            for (let i = 0; i < source.length; i++) {
                const item = source[i];
                const copy = emptyCopy(item);
                (target as unknown[]).push(copy);
                if (copy !== item) pending.push([item, copy]);
            }
        } else {
            for (const [k, item] of Object.entries(source as Dict)) {
                const copy = emptyCopy(item);
                // A key such as "__proto__" stays data, never a prototype.
                Object.defineProperty(target, k, { value: copy, enumerable: true, writable: true, configurable: true });
                if (copy !== item) pending.push([item, copy]);
            }
        }
    }
    return root as T;
}

/** A new empty array or plain object to copy into, or the value itself when it is kept as it is. */
function emptyCopy(value: unknown): unknown {
    if (Array.isArray(value)) return [];
    if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return {};
    return value;
}

/**
 * Remediation helper: copies the props, applies `fix` to the copy's pod view when the check is in force
 * and reports findings, and returns the copy when anything changed.
 */
export function remediateWith(
    registry: CheckRegistry,
    checkId: string,
    fix: (pod: PodView) => boolean,
) {
    return (props: unknown, ctx: CheckContext<PodSecurityConfig>): Record<string, unknown> | undefined => {
        const revision = registry.revision(checkId, ctx.config.version);
        if (!revision) return undefined;
        const current = podViewOf(ctx.type, props);
        if (!current || revision.check(current).length === 0) return undefined;
        const copy = clonePlain(props) as Record<string, unknown>;
        const pod = podViewOf(ctx.type, copy);
        if (!pod || !fix(pod)) return undefined;
        return copy;
    };
}

/** The container's securityContext object, created when absent (for remediation). */
export function ensureSecurityContext(target: Dict): Dict {
    let sc = asDict(target.securityContext);
    if (!sc) {
        sc = {};
        target.securityContext = sc;
    }
    return sc;
}
