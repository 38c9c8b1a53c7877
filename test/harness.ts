// In-process policy checks that see props exactly as the pack does: encoded like the engine encodes
// them (engine/wire), through a protobuf Struct, deserialized by @pulumi/policy and wrapped in its
// unknown-checking proxy; config resolved like the CLI resolves it (engine/config).
import type {
    PolicyResource,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { type EnforcementLevel, resolveConfig } from "../engine/config";
import { encodeProperties } from "../engine/wire";
import { readOnly } from "./read-only";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { deserializeProperties } = require("@pulumi/policy/deserialize") as {
    deserializeProperties(struct: Struct, proxySecrets: boolean): Record<string, unknown>;
};
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { unknownCheckingProxy, UnknownValueError } = require("@pulumi/policy/proxy") as {
    unknownCheckingProxy<T>(value: T): T;
    UnknownValueError: new (...args: never[]) => Error;
};

class NotApplicable extends Error {
    constructor(readonly reason: string) {
        super(reason);
    }
}

export interface CheckOptions {
    /** The policy's config entry, as in a --policy-pack-config file. */
    config?: Record<string, unknown>;
    /** Pulumi resource name; defaults to "test". */
    name?: string;
    /** Preview (default) turns resource references into unknowns. */
    dryRun?: boolean;
    /** The resource's URN; defaults to a top-level URN for its type and name. */
    urn?: string;
    /** The URN of the component it was created in (Analyze's `opts.parent`). */
    parent?: string;
}

export interface CheckResult {
    /** Messages reported, without the SDK's description prefix. */
    violations: string[];
    /** Set when the policy declared itself not applicable. */
    notApplicable?: string;
    /** Set when the policy deferred a value unknown during preview (the SDK makes this an advisory note). */
    unknown?: string;
}

type AnyPolicy = ResourceValidationPolicy | StackValidationPolicy;

function configFor(policy: AnyPolicy, entry: Record<string, unknown> | undefined): Record<string, unknown> {
    const info = {
        name: policy.name,
        enforcementLevel: (policy.enforcementLevel ?? "advisory") as EnforcementLevel,
        configSchema: policy.configSchema as { properties?: Record<string, unknown>; required?: string[] } | undefined,
    };
    return resolveConfig([info], {}, entry ? { [policy.name]: entry } : {})[policy.name].properties;
}

/** Props as a policy sees them on the wire. */
export function wireProps(props: object, dryRun = true, proxySecrets = false): Record<string, unknown> {
    const encoded = encodeProperties(props as Record<string, unknown>, { dryRun });
    const struct = Struct.fromJavaScript(encoded as Parameters<typeof Struct.fromJavaScript>[0]);
    const deserialized = deserializeProperties(struct, proxySecrets);
    // Analyze and AnalyzeStack props are shared by every policy of a request: prove none writes to them.
    return unknownCheckingProxy(proxySecrets ? deserialized : readOnly(deserialized));
}

const resourceOptions = {
    protect: false,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
};

function notApplicable(reason?: string): never {
    throw new NotApplicable(reason ?? "");
}

function urnOf(type: string, name: string): string {
    return `urn:pulumi:test::test::${type}::${name}`;
}

function resourceArgs(policy: AnyPolicy, type: string, props: object, options: CheckOptions, proxySecrets: boolean): ResourceValidationArgs {
    const name = options.name ?? "test";
    const config = configFor(policy, options.config);
    return {
        type,
        name,
        urn: options.urn ?? urnOf(type, name),
        props: wireProps(props, options.dryRun ?? true, proxySecrets),
        opts: { ...resourceOptions, ...(options.parent ? { parent: options.parent } : {}) },
        stackTags: new Map(),
        isType: () => false,
        asType: () => undefined,
        getConfig: <T extends object>() => ({ ...config }) as T,
        notApplicable,
    };
}

function settle(run: () => unknown, result: CheckResult): CheckResult {
    try {
        const returned = run();
        if (returned instanceof Promise) throw new Error("policies in this pack are synchronous");
    } catch (e) {
        if (e instanceof NotApplicable) result.notApplicable = e.reason;
        else if (e instanceof UnknownValueError) result.unknown = e.message;
        else throw e;
    }
    return result;
}

/** Runs a resource policy's validation on one resource. */
export function checkResource(policy: ResourceValidationPolicy, type: string, props: object, options: CheckOptions = {}): CheckResult {
    const args = resourceArgs(policy, type, props, options, false);
    const result: CheckResult = { violations: [] };
    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource!];
    return settle(() => validations.forEach((v) => v(args, (message) => result.violations.push(message))), result);
}

/** Runs a resource policy's remediation; returns the fixed props (plain JSON) or undefined. */
export function remediate(policy: ResourceValidationPolicy, type: string, props: object, options: CheckOptions = {}): Record<string, unknown> | undefined {
    if (!policy.remediateResource) throw new Error(`${policy.name} has no remediation`);
    const fixed = policy.remediateResource(resourceArgs(policy, type, props, options, true));
    if (fixed instanceof Promise) throw new Error("policies in this pack are synchronous");
    return fixed ? (JSON.parse(JSON.stringify(fixed)) as Record<string, unknown>) : undefined;
}

export interface StackResourceInput {
    type: string;
    name: string;
    props: object;
    urn?: string;
    /** URNs, as the engine sends them; resolved to resources of the stack like the SDK does. */
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    /** The provider the engine names for the resource: its URN and inputs. */
    provider?: { type: string; name: string; urn?: string; props?: object };
}

export interface StackCheckResult extends Omit<CheckResult, "violations"> {
    violations: { urn?: string; message: string }[];
}

/** True for policies judged at AnalyzeStack: stack policies, and resource policies with a stack part. */
export function hasStackPart(policy: AnyPolicy): policy is AnyPolicy & Pick<StackValidationPolicy, "validateStack"> {
    return typeof (policy as Partial<StackValidationPolicy>).validateStack === "function";
}

/** The stack's resources as the SDK builds them for a stack policy: props, provider, parent and dependencies resolved. */
export function stackResources(resources: StackResourceInput[], dryRun = true): PolicyResource[] {
    const policyResources: PolicyResource[] = resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn ?? urnOf(r.type, r.name),
        props: wireProps(r.props, dryRun),
        opts: { ...resourceOptions, ...(r.parent ? { parent: r.parent } : {}) },
        dependencies: [],
        propertyDependencies: {},
        isType: () => false,
        asType: () => undefined,
        ...(r.provider
            ? { provider: { type: r.provider.type, name: r.provider.name, urn: r.provider.urn ?? urnOf(r.provider.type, r.provider.name), props: wireProps(r.provider.props ?? {}, dryRun) } }
            : {}),
    }));
    // Like the SDK: parent, dependencies and property dependencies become the resources of the stack they name.
    const byUrn = new Map(policyResources.map((r) => [r.urn, r]));
    const resolve = (urns: string[] | undefined) => (urns ?? []).map((u) => byUrn.get(u)).filter((r): r is PolicyResource => r !== undefined);
    resources.forEach((r, i) => {
        const target = policyResources[i];
        const parent = r.parent ? byUrn.get(r.parent) : undefined;
        if (parent) target.parent = parent;
        target.dependencies = resolve(r.dependencies);
        for (const [key, urns] of Object.entries(r.propertyDependencies ?? {})) target.propertyDependencies[key] = resolve(urns);
    });
    return policyResources;
}

/** Runs a stack policy (or a resource policy's stack part) over a set of resources (their outputs). */
export function checkStack(policy: AnyPolicy, resources: StackResourceInput[], options: Omit<CheckOptions, "name"> = {}): StackCheckResult {
    if (!hasStackPart(policy)) throw new Error(`${policy.name} has no stack part`);
    const config = configFor(policy, options.config);
    const policyResources = stackResources(resources, options.dryRun ?? true);
    const args: StackValidationArgs = {
        resources: policyResources,
        stackTags: new Map(),
        getConfig: <T extends object>() => ({ ...config }) as T,
        notApplicable,
    };
    const result: StackCheckResult = { violations: [] };
    const settled = settle(() => policy.validateStack(args, (message, urn) => result.violations.push({ urn, message })), { violations: [] });
    return { ...settled, violations: result.violations };
}
