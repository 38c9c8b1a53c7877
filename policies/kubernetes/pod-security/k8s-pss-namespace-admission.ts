import type { PolicyResource } from "@pulumi/policy";
import { anyOf, asDict, deploymentFix, isUnknown, kubernetes, nsaHardening, peek, show, type StackCheckContext, stackPolicy } from "../../core";
import { judgeWithSiblings, Namespaces, outputsUnknown, SiblingUnknown, unknownOutputs } from "../links";
import { podSecurityChecks } from "./checks";
import { formatVersion, type Level, parsePodSecurityConfig, parseVersion, podSecurityConfigSchema, type PodSecurityConfig, podViewOf, type PolicyVersion } from "./pss";

export const enforceLabel = "pod-security.kubernetes.io/enforce";
export const enforceVersionLabel = "pod-security.kubernetes.io/enforce-version";

/**
 * Namespace labels are only visible across resources: this stack policy judges the pods of every
 * Namespace in the stack labelled pod-security.kubernetes.io/enforce at that namespace's level and
 * version, exactly as its Pod Security Admission will at deploy. Invalid labels resolve like PSA does
 * (level restricted, version latest) and are reported on the Namespace.
 */
export const k8sPssNamespaceAdmission = stackPolicy<PodSecurityConfig>({
    name: "k8s-pss-namespace-admission",
    displayName: "Workloads pass their namespace's enforced level",
    description:
        "Workloads in a Namespace labelled pod-security.kubernetes.io/enforce pass that namespace's Pod Security level " +
        "and enforce-version, so admission does not reject their pods at deploy.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline", "pss-restricted"],
    framework: nsaHardening("Kubernetes Pod security", "Pod security enforcement"),
    why: "A workload that breaks its namespace's enforced Pod Security level is rejected at admission: the deploy fails after the infrastructure change went through.",
    fixExample: deploymentFix(`
        securityContext:
          seccompProfile: {type: RuntimeDefault}
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            securityContext:
              privileged: false
              allowPrivilegeEscalation: false
    `, `
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            pod-security.kubernetes.io/enforce: baseline
    `),
    remediationSteps:
        "Fix the workload's pod spec for every control the message names (see the k8s-pss-* policies), or, if the " +
        "namespace really needs it, lower the Namespace's `metadata.labels[\"pod-security.kubernetes.io/enforce\"]`.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-admission/",
    appliesTo: anyOf(kubernetes.namespace),
    configSchema: {
        properties: {
            podSecurityVersion: {
                ...podSecurityConfigSchema.properties.podSecurityVersion,
                description:
                    "The version used for a labelled Namespace without pod-security.kubernetes.io/enforce-version (the cluster's " +
                    'PSA default version): "latest" or "v1.N".',
            },
        },
    },
    parseConfig: parsePodSecurityConfig("k8s-pss-namespace-admission"),
    validateStack: (ctx) => {
        const namespaces = new Namespaces(ctx.resources);
        // Each labelled Namespace is judged on its own: an unknown label defers only the pods in it.
        const enforced = new Map<string, Enforcement | SiblingUnknown>();
        for (const ns of namespaces.all) {
            ctx.judge(ns, () => {
                const enforcement = enforcementOf(ns, ctx);
                if (enforcement) enforced.set(namespaces.keyOfNamespace(ns), enforcement);
            });
        }
        if (enforced.size === 0) return;
        for (const workload of ctx.ofType(kubernetes.workloads)) {
            judgeWithSiblings(ctx, workload, () => {
                const link = namespaces.of(workload);
                const policy = enforced.get(link.key);
                if (policy instanceof SiblingUnknown) throw policy;
                if (!policy) {
                    // A labelled Namespace whose name is not known yet may be this very namespace.
                    const unnamed = namespaces.couldBe(link).find((ns) => enforced.has(namespaces.keyOfNamespace(ns)));
                    if (unnamed) throw new SiblingUnknown(unnamed, "metadata.name");
                    return;
                }
                const pod = podViewOf(workload.type, workload.props);
                if (!pod) return;
                const where = `${namespaces.describe(link)} enforces ${policy.level}:${formatVersion(policy.version)}`;
                for (const { check, findings } of podSecurityChecks.evaluate(policy.level, policy.version, pod)) {
                    for (const f of findings) ctx.violation(workload, f.path, `${f.problem} [${check.title}; ${where}]`, f.fix);
                }
                for (const field of pod.verdict.fields) ctx.defer(workload, field);
            });
        }
    },
});

interface Enforcement {
    level: Level;
    version: PolicyVersion;
}

/**
 * The level and version a Namespace's labels make admission enforce, or undefined when it enforces
 * nothing (no label, or privileged). Invalid labels resolve like PSA and are reported on the Namespace.
 * An enforce label (or enforce-version) unknown in this preview leaves the pods in it undecided.
 */
function enforcementOf(ns: PolicyResource, ctx: StackCheckContext<PodSecurityConfig>): Enforcement | SiblingUnknown | undefined {
    if (outputsUnknown(ns)) return unknownOutputs(ns);
    const labels = asDict(asDict(asDict(ns.props)?.metadata)?.labels);
    if (!labels) return undefined;
    const rawLevel = peek(labels, enforceLabel);
    if (isUnknown(rawLevel)) return new SiblingUnknown(ns, `metadata.labels["${enforceLabel}"]`);
    if (rawLevel === undefined || rawLevel === "privileged") return undefined;
    let level: Level;
    if (rawLevel === "baseline" || rawLevel === "restricted") {
        level = rawLevel;
    } else {
        level = "restricted";
        ctx.violation(ns, `metadata.labels["${enforceLabel}"]`,
            `is ${show(rawLevel)}, not "privileged", "baseline" or "restricted"; admission then enforces restricted`,
            "set the label to privileged, baseline or restricted");
    }
    const rawVersion = peek(labels, enforceVersionLabel);
    if (isUnknown(rawVersion)) return new SiblingUnknown(ns, `metadata.labels["${enforceVersionLabel}"]`);
    if (rawVersion === undefined) return { level, version: ctx.config.version };
    const parsed = parseVersion(rawVersion);
    if (parsed !== undefined) return { level, version: parsed };
    ctx.violation(ns, `metadata.labels["${enforceVersionLabel}"]`,
        `is ${show(rawVersion)}, not "latest" or "v1.N"; admission then enforces latest`, 'set it to "latest" or e.g. "v1.30"');
    return { level, version: "latest" };
}
