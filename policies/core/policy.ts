// The policy model: a policy is written once as metadata plus a check, and becomes a plain
// @pulumi/policy policy object. This wrapper adds what every policy needs and none should repeat:
// type matching, config defaults and parsing, exemptions, and messages that name the resource.
import type {
    EnforcementLevel,
    PolicyComplianceFramework,
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { buildConfigSchema, type ExemptionConfig } from "./config";
import { type Exemption, findExemption, kubernetesIdentity } from "./exemptions";
import { FindingCap } from "./finding-cap";
import { fixWhereRendered } from "./kubernetes-objects";
import { configReader } from "./config-reader";
import { notApplicableToType } from "./not-applicable";
import { isKubernetesType, kindOf, type TypeSet } from "./types";
import { type Deferral, DeferredVerdict, UnknownValueError, unknownFieldOf } from "./unknowns";
import { showName } from "./values";

export type Cloud = "aws" | "azure" | "gcp" | "kubernetes";
export type Area =
    | "control-plane"
    | "nodes"
    | "identity"
    | "encryption"
    | "network"
    | "logging"
    | "upgrades"
    | "workload"
    | "rbac"
    | "supply-chain";
export const clouds: readonly Cloud[] = ["aws", "azure", "gcp", "kubernetes"];
export const areas: readonly Area[] = [
    "control-plane", "nodes", "identity", "encryption", "network",
    "logging", "upgrades", "workload", "rbac", "supply-chain",
];
export const extraTags = ["pss-baseline", "pss-restricted"] as const;
export type Tag = Cloud | Area | (typeof extraTags)[number];

/** What every policy declares, once, in its own file. */
export interface PolicyMetadata {
    /** kebab-case, starting with eks-, aks-, gke- or k8s-; at most 43 characters so the exemption tag fits a GCP label. */
    name: string;
    /** A short title for people (docs, SARIF rule names). Every pack policy has one (test/policies.test.ts). */
    displayName?: string;
    description: string;
    severity: Severity;
    enforcementLevel: EnforcementLevel;
    /** Exactly one cloud tag and one area tag; PSS policies add their level. */
    tags: readonly Tag[];
    /** The primary framework reference; the SDK reports this one. */
    framework?: PolicyComplianceFramework;
    /** Further references the policy also satisfies (docs and framework coverage). */
    alsoCites?: readonly PolicyComplianceFramework[];
    /** Steps that show the Pulumi property to set. */
    remediationSteps: string;
    /** The threat, in one or two sentences. Every pack policy has one. */
    why?: string;
    /** The remediation as code: a Pulumi TypeScript resource, or a Kubernetes manifest. Every pack policy has one. */
    fixExample?: FixExample;
    url?: string;
    /** The policy's own config properties; exemption properties are added for every policy. */
    configSchema?: PolicyConfigSchema;
}

/** What a check gets besides the props. */
export interface CheckContext<C> {
    type: string;
    name: string;
    urn: string;
    /** How messages name the resource, e.g. `Cluster "prod"` or `Deployment "shop/web"`. */
    label: string;
    config: C;
    /** Reports `<label>: <path> <problem>. Fix: <fix>`. */
    violation(path: string, problem: string, fix: string): void;
    /** Reports a free-form message, prefixed with the resource label. */
    report(message: string): void;
    /** Stops: the policy does not apply to this resource (e.g. nodes AWS or Google manage), with the reason. */
    notApplicable(reason: string): never;
    /**
     * Runs one independent check. A value unknown in this preview stops only that check: it is deferred,
     * naming the field, and the policy's other checks still run.
     */
    judge(check: () => void): void;
    /** Defers a check whose value is unknown in this preview; `why` completes "<field> ...". */
    defer(field: string, why?: string): void;
    /** The URN of the component or resource this one was created in, if any. */
    parent?: string;
}

export interface ResourcePolicyDefinition<P, C> extends PolicyMetadata {
    appliesTo: TypeSet;
    /** Turns raw config (defaults already applied) into what the check uses; throw PolicyConfigError on bad values. */
    parseConfig?: (raw: Record<string, unknown>) => C;
    validate(props: P, ctx: CheckContext<C>): void;
    /**
     * The part of the verdict that needs a sibling resource (a node pool's cluster, a node group's launch
     * template): run on the stack's outputs at AnalyzeStack, with links by value or property dependency.
     * `validate` then judges only what the resource decides alone.
     */
    validateStack?(ctx: StackCheckContext<C>): void;
    /** At `remediate` enforcement: return fixed props, or undefined to leave them. */
    remediate?(props: P, ctx: CheckContext<C>): Record<string, unknown> | undefined;
}

export interface StackCheckContext<C> {
    config: C;
    resources: readonly PolicyResource[];
    ofType(set: TypeSet): PolicyResource[];
    label(resource: PolicyResource): string;
    /** A resource exempt from this policy: its findings are dropped. */
    exemption(resource: PolicyResource): Exemption | undefined;
    violation(resource: PolicyResource, path: string, problem: string, fix: string): void;
    report(resource: PolicyResource, message: string): void;
    /** Runs the checks of one resource; a value unknown in this preview defers only them, naming the field. */
    judge(resource: PolicyResource, check: () => void): void;
    /** Defers a resource's check whose value is unknown in this preview; `why` completes "<field> ...". */
    defer(resource: PolicyResource, field: string, why?: string): void;
}

export interface StackPolicyDefinition<C> extends PolicyMetadata {
    /** The policy is not applicable to a stack with none of these resources. */
    appliesTo: TypeSet;
    parseConfig?: (raw: Record<string, unknown>) => C;
    validateStack(ctx: StackCheckContext<C>): void;
}

/** A fix as code: TypeScript for a cloud resource, YAML for a Kubernetes object. */
export interface FixExample {
    language: "typescript" | "yaml";
    code: string;
}

/** Strips the first newline and the indentation common to all lines, so examples can sit indented in source. */
export function dedent(text: string): string {
    const lines = text.replace(/^\n/, "").replace(/\s+$/, "").split("\n");
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
    return `${lines.map((l) => l.slice(indent)).join("\n")}\n`;
}

export const typescriptFix = (code: string): FixExample => ({ language: "typescript", code: dedent(code) });
export const yamlFix = (code: string): FixExample => ({ language: "yaml", code: dedent(code) });

/** What docs and framework coverage read besides the SDK fields; the SDK ignores it. */
export interface PolicyGuide {
    why?: string;
    fixExample?: FixExample;
    alsoCites: readonly PolicyComplianceFramework[];
}

export type ClusterGuardPolicy = (ResourceValidationPolicy | StackValidationPolicy) & { guide: PolicyGuide };

/** `Cluster "prod"`, or for Kubernetes `Deployment "shop/web"`. */
export function resourceLabel(type: string, name: string, props: unknown): string {
    if (isKubernetesType(type)) {
        const id = kubernetesIdentity(props);
        const objectName = showName(id.name ?? name);
        return `${kindOf(type)} "${id.namespace ? `${showName(id.namespace)}/${objectName}` : objectName}"`;
    }
    return `${kindOf(type)} "${showName(name)}"`;
}

function formatViolation(label: string, path: string, problem: string, fix: string): string {
    return `${label}: ${path} ${problem}. Fix: ${fix}`;
}

function policyFields(meta: PolicyMetadata, schema: PolicyConfigSchema) {
    return {
        name: meta.name,
        ...(meta.displayName ? { displayName: meta.displayName } : {}),
        description: meta.description,
        severity: meta.severity,
        enforcementLevel: meta.enforcementLevel,
        tags: [...meta.tags],
        ...(meta.framework ? { framework: meta.framework } : {}),
        remediationSteps: meta.remediationSteps,
        ...(meta.url ? { url: meta.url } : {}),
        configSchema: schema,
        guide: { why: meta.why, fixExample: meta.fixExample, alsoCites: meta.alsoCites ?? [] },
    };
}

/** Defines a policy that judges one resource at a time (Analyze, on inputs). */
export function resourcePolicy<P, C = {}>(definition: ResourcePolicyDefinition<P, C>): ResourceValidationPolicy & { guide: PolicyGuide } {
    const schema = buildConfigSchema(definition.configSchema);
    const readConfig = configReader(definition.name, schema, definition.parseConfig);
    const { appliesTo } = definition;

    // Returns the context, or stops with not-applicable for other types and exempt resources.
    const prepare = (args: ResourceValidationArgs, deferrals: Deferral[], findings?: FindingCap<string>): CheckContext<C & ExemptionConfig> => {
        if (!appliesTo.has(args.type)) notApplicableToType(args.notApplicable, args.type);
        const config = readConfig(args.getConfig<Record<string, unknown>>());
        const exemption = findExemption(definition.name, args, config);
        if (exemption) args.notApplicable(exemption.reason);
        // Most resources pass: name them only for a message.
        let label: string | undefined;
        const labelOf = () => (label ??= resourceLabel(args.type, args.name, args.props));
        const report = (message: string) => findings?.report(args.urn, labelOf(), `${labelOf()}: ${message}`);
        const defer = (field: string, why?: string) => deferrals.push({ label: labelOf(), field, why });
        return {
            type: args.type,
            name: args.name,
            urn: args.urn,
            get label() {
                return labelOf();
            },
            config,
            report,
            violation: (path, problem, fix) => findings?.report(args.urn, labelOf(), formatViolation(labelOf(), path, problem, fixWhereRendered(args.type, args.urn, args.opts?.parent, fix))),
            notApplicable: (reason) => args.notApplicable(reason),
            judge: (check) => judgeDeferring(check, (field) => defer(field)),
            defer,
            ...(args.opts?.parent ? { parent: args.opts.parent } : {}),
        };
    };

    const validateResource = (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
        const deferrals: Deferral[] = [];
        const findings = new FindingCap<string>(reportViolation);
        const ctx = prepare(args, deferrals, findings);
        judgeDeferring(() => definition.validate(args.props as P, ctx), (field) => ctx.defer(field));
        findings.flush();
        if (deferrals.length > 0) throw new DeferredVerdict(deferrals);
    };
    withTypeSkip(validateResource, appliesTo);

    const policy: ResourceValidationPolicy & { guide: PolicyGuide } = { ...policyFields(definition, schema), validateResource };
    // The SDK runs validateStack of any policy that has one, so a resource policy can check links too.
    const stackPart = definition.validateStack;
    if (stackPart) Object.assign(policy, { validateStack: stackValidation(definition, readConfig, (ctx) => stackPart(ctx)) });
    recordAppliesTo(policy, appliesTo);
    const { remediate } = definition;
    if (remediate) {
        const remediateResource = (args: ResourceValidationArgs) => remediate(args.props as P, prepare(args, []));
        withTypeSkip(remediateResource, appliesTo);
        policy.remediateResource = remediateResource;
    }
    return policy;
}

/** Runs a check; an unknown value read inside it becomes a deferral of that field instead of a failure. */
function judgeDeferring(check: () => void, defer: (field: string) => void): void {
    try {
        check();
    } catch (e) {
        if (!(e instanceof UnknownValueError)) throw e;
        if (e instanceof DeferredVerdict) {
            for (const d of e.deferrals) defer(d.field);
        } else {
            defer(unknownFieldOf(e) ?? "");
        }
    }
}

/** Defines a policy that judges the whole stack (AnalyzeStack, on outputs), for links across resources. */
export function stackPolicy<C = {}>(definition: StackPolicyDefinition<C>): StackValidationPolicy & { guide: PolicyGuide } {
    const schema = buildConfigSchema(definition.configSchema);
    const readConfig = configReader(definition.name, schema, definition.parseConfig);
    const policy: StackValidationPolicy & { guide: PolicyGuide } = { ...policyFields(definition, schema), validateStack: stackValidation(definition, readConfig, definition.validateStack) };
    recordAppliesTo(policy, definition.appliesTo);
    return policy;
}

/** The SDK's validateStack for a check over the stack: config, exemptions, labels and deferrals. */
function stackValidation<C>(
    definition: PolicyMetadata & { appliesTo: TypeSet },
    readConfig: (received: Record<string, unknown>) => C & ExemptionConfig,
    check: (ctx: StackCheckContext<C & ExemptionConfig>) => void,
) {
    const { appliesTo } = definition;
    const validateStack = (args: StackValidationArgs, reportViolation: ReportViolation) => {
        if (!args.resources.some((r) => appliesTo.has(r.type))) {
            args.notApplicable(`No resources of type ${appliesTo.description} in the stack`);
        }
        const config = readConfig(args.getConfig<Record<string, unknown>>());
        const exemptions = new Map<PolicyResource, Exemption | undefined>();
        const exemption = (resource: PolicyResource) => {
            if (!exemptions.has(resource)) exemptions.set(resource, findExemption(definition.name, resource, config));
            return exemptions.get(resource);
        };
        const labels = new Map<PolicyResource, string>();
        const label = (r: PolicyResource) => {
            let text = labels.get(r);
            if (text === undefined) labels.set(r, (text = resourceLabel(r.type, r.name, r.props)));
            return text;
        };
        const findings = new FindingCap<PolicyResource>(reportViolation);
        const report = (resource: PolicyResource, message: string) => {
            if (!exemption(resource)) findings.report(resource, label(resource), `${label(resource)}: ${message}`, resource.urn);
        };
        const deferrals: Deferral[] = [];
        const defer = (resource: PolicyResource | undefined, field: string, why?: string) => {
            if (!resource || !exemption(resource)) deferrals.push({ label: resource ? label(resource) : "a resource of the stack", field, why });
        };
        judgeDeferring(
            () =>
                check({
                    config,
                    resources: args.resources,
                    ofType: (set) => args.resources.filter((r) => set.has(r.type)),
                    label,
                    exemption,
                    report,
                    violation: (resource, path, problem, fix) => {
                        if (exemption(resource)) return;
                        const parent = resource.parent?.urn ?? resource.opts?.parent;
                        findings.report(resource, label(resource), formatViolation(label(resource), path, problem, fixWhereRendered(resource.type, resource.urn, parent, fix)), resource.urn);
                    },
                    judge: (resource, part) => judgeDeferring(part, (field) => defer(resource, field)),
                    defer,
                }),
            (field) => defer(undefined, field),
        );
        findings.flush();
        if (deferrals.length > 0) throw new DeferredVerdict(deferrals);
    };
    withTypeSkip(validateStack, appliesTo);
    return validateStack;
}

// The SDK skips a policy without deserializing props when its function carries `__pulumiType` and the
// resource is of another type. That only works for a single exact token.
function withTypeSkip(fn: object, appliesTo: TypeSet): void {
    if (appliesTo.single) (fn as { __pulumiType?: string }).__pulumiType = appliesTo.single;
}

const appliesToKey = Symbol.for("cluster-guard.appliesTo");

// Kept on the policy under a symbol, which the SDK never reads and `{...policy}` copies, for tools that
// need each policy's types (the bench's pack of the same shape).
function recordAppliesTo(policy: ClusterGuardPolicy, appliesTo: TypeSet): void {
    (policy as unknown as Record<symbol, TypeSet>)[appliesToKey] = appliesTo;
}

/** The types a policy made with resourcePolicy or stackPolicy applies to. */
export function appliesToOf(policy: ClusterGuardPolicy): TypeSet | undefined {
    return (policy as unknown as Record<symbol, TypeSet | undefined>)[appliesToKey];
}
