// Scans stacks through the engine runner and turns the evaluation into a stack report: findings
// grouped by resource and located, deferred verdicts, exemptions and not-applicable reasons.
import { deferredReason } from "../engine/diagnostics";
import type { Evaluation, NotApplicable as RunnerNotApplicable, PolicyDiagnostic, PolicyInfo, PolicyPackRunner, ResourceInput } from "../engine/runner";
import type { ResolvedPolicyConfig } from "../engine/config";
import { findExemption } from "../policies/core/exemptions";
import type { PositionIndex, ScanStack } from "./inputs";
import { fingerprintOf, labelOf, type LocationRequest, resolveLocations, resourceIdentity, splitMessage } from "./report/locations";
import {
    countFindings,
    type Deferred,
    type Exemption,
    type ExemptionSource,
    type Finding,
    type NotApplicable,
    type ResourceFindings,
    type ResourceRef,
    type StackReport,
} from "./report/model";

export type { StackReport } from "./report/model";

/** The SDK prefixes each message with the policy description; the detail line is what names the field. */
function detailOf(d: PolicyDiagnostic): string {
    const prefix = `${d.description}\n`;
    return d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message;
}

const exemptionSources: [RegExp, ExemptionSource][] = [
    [/^exempted by config: /, "config"],
    [/^annotation exempt\.clusterguard\.io\//, "annotation"],
    [/^tag clusterguard-exempt-/, "tag"],
];

// The pack's reasons for "this policy is about other resource types": true for almost every pair, so noise.
const otherTypes = /^(Policy does not apply to resources of type |No resources of type .* in the stack)/;

export function exemptionSource(reason: string): ExemptionSource | undefined {
    return exemptionSources.find(([pattern]) => pattern.test(reason))?.[1];
}

export interface ScanContext {
    policies: readonly PolicyInfo[];
    config: Readonly<Record<string, ResolvedPolicyConfig>>;
    positions?: ReadonlyMap<string, PositionIndex>;
    /** The URN the runner gives a resource (PolicyPackRunner.urnOf). */
    urnOf(resource: ResourceInput): string;
}

export function buildReport(stack: ScanStack, evaluation: Evaluation, context: ScanContext): StackReport {
    const resources = new Map<string, { input: ResourceInput; ref: ResourceRef; identity: string }>();
    const register = (input: ResourceInput, urn: string) => {
        if (!resources.has(urn)) resources.set(urn, { input, ref: { urn, type: input.type, label: labelOf(input) }, identity: resourceIdentity(input, urn) });
    };
    for (const { resource } of evaluation.resources) register(resource, context.urnOf(resource));
    const outputsByUrn = new Map(stack.outputs.map((o) => [context.urnOf(o), o]));
    const stackRef = (urn: string): ResourceRef => resources.get(urn)?.ref ?? { urn: urn || "(stack)", type: "stack", label: urn ? urn.slice(urn.lastIndexOf("::") + 2) : `stack ${stack.source}` };

    const raw: { d: PolicyDiagnostic; onStack: boolean; resource?: ResourceInput }[] = [];
    const notApplicableRaw: { n: RunnerNotApplicable; ref: ResourceRef }[] = [];
    evaluation.resources.forEach(({ resource, result }) => {
        for (const d of result.diagnostics) raw.push({ d, onStack: false, resource });
        const ref = resources.get(context.urnOf(resource))!.ref;
        for (const n of result.notApplicable) notApplicableRaw.push({ n, ref });
    });
    for (const d of evaluation.stack.diagnostics) raw.push({ d, onStack: true, resource: resources.get(d.urn)?.input ?? outputsByUrn.get(d.urn) });
    for (const n of evaluation.stack.notApplicable) notApplicableRaw.push({ n, ref: stackRef("") });

    // Locate every finding in one batch per file.
    const split = raw.map(({ d }) => splitMessage(detailOf(d)));
    const requests: LocationRequest[] = raw.map(({ resource, onStack }, i) => ({ resource: resource ?? { type: "", name: "", props: {} }, field: split[i].field, outputs: onStack }));
    const locations = resolveLocations(requests, context.positions ?? new Map());
    const objectLocations = resolveLocations([...resources.values()].map((r) => ({ resource: r.input })), context.positions ?? new Map());
    [...resources.values()].forEach((r, i) => {
        if (r.input.location) r.ref.location = objectLocations[i];
    });

    const grouped = new Map<string, ResourceFindings>();
    const deferred: Deferred[] = [];
    raw.forEach(({ d, onStack }, i) => {
        const ref = onStack ? stackRef(d.urn) : resources.get(d.urn)?.ref ?? stackRef(d.urn);
        const reason = deferredReason(d);
        if (reason !== undefined) {
            deferred.push({ policy: d.policyName, resource: ref, reason });
            return;
        }
        let entry = grouped.get(ref.urn);
        if (!entry) grouped.set(ref.urn, (entry = { ...ref, findings: [] }));
        const identity = resources.get(d.urn)?.identity ?? ref.urn;
        const finding: Finding = {
            policy: d.policyName,
            severity: d.severity,
            level: d.enforcementLevel,
            message: detailOf(d),
            ...(split[i].field ? { field: split[i].field } : {}),
            location: { ...(ref.location ?? {}), ...locations[i] },
            fingerprint: fingerprintOf(d.policyName, identity, split[i].field),
        };
        entry.findings.push(finding);
    });

    const exemptions: Exemption[] = [];
    const notApplicable: NotApplicable[] = [];
    for (const { n, ref } of notApplicableRaw) {
        const source = exemptionSource(n.reason);
        if (source) exemptions.push({ policy: n.policyName, resource: ref, reason: n.reason, source });
        else if (!otherTypes.test(n.reason)) notApplicable.push({ policy: n.policyName, resource: ref, reason: n.reason });
    }
    exemptions.push(...declaredStackExemptions(stack, context, (r) => resources.get(context.urnOf(r))?.ref));

    const remediations = evaluation.resources.flatMap(({ resource, remediations: applied }) =>
        applied.filter((r) => r.properties).map((r) => ({ urn: context.urnOf(resource), policy: r.policyName })),
    );
    const resourceFindings = [...grouped.values()];
    return {
        source: stack.source,
        files: stack.files,
        resourcesScanned: stack.inputs.length,
        resources: resourceFindings,
        deferred,
        exemptions,
        notApplicable,
        remediations,
        counts: countFindings(resourceFindings.flatMap((r) => r.findings), deferred.length, exemptions.length),
    };
}

const noConfigExemptions = { excludeResourceNames: [], excludeNamespaces: [] };

/**
 * Stack policies drop the findings of exempted resources inside the pack and say nothing over the wire.
 * What the CLI can see is the annotation or tag a resource carries for a stack policy: it names the policy,
 * so it is listed. Config exemptions (excludeNamespaces, excludeResourceNames) are not: without the policy's
 * resource types they would list resources the policy never judges.
 */
function declaredStackExemptions(stack: ScanStack, context: ScanContext, refOf: (resource: ResourceInput) => ResourceRef | undefined): Exemption[] {
    const out: Exemption[] = [];
    const stackPolicies = context.policies.filter((p) => p.policyType === "stack" && context.config[p.name]?.enforcementLevel !== "disabled");
    for (const resource of stack.outputs) {
        for (const policy of stackPolicies) {
            const found = findExemption(policy.name, resource, noConfigExemptions);
            const source = found && exemptionSource(found.reason);
            if (!found || (source !== "annotation" && source !== "tag")) continue;
            const ref = refOf(resource) ?? { urn: context.urnOf(resource), type: resource.type, label: labelOf(resource) };
            out.push({ policy: policy.name, resource: ref, reason: found.reason, source, declaredOnly: true });
        }
    }
    return out;
}

export async function scanStack(
    runner: PolicyPackRunner,
    stack: ScanStack,
    options: { positions?: ReadonlyMap<string, PositionIndex>; onProgress?: (done: number, total: number) => void } = {},
): Promise<StackReport> {
    const evaluation = await runner.evaluate(stack.inputs, stack.outputs, options.onProgress);
    return buildReport(stack, evaluation, {
        policies: runner.info.policies,
        config: runner.config,
        positions: options.positions,
        urnOf: (r) => runner.urnOf(r),
    });
}
