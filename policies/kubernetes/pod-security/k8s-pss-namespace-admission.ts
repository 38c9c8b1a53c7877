import { anyOf, asDict, asString, deploymentFix, kubernetes, namespaceOf, nsaHardening, stackPolicy } from "../../core";
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
        const enforced = new Map<string, { level: Level; version: PolicyVersion }>();
        for (const ns of ctx.ofType(kubernetes.namespace)) {
            const metadata = asDict(asDict(ns.props)?.metadata);
            const name = asString(metadata?.name);
            const labels = asDict(metadata?.labels);
            if (!name || !labels || !(enforceLabel in labels)) continue;
            const rawLevel = labels[enforceLabel];
            if (rawLevel === "privileged") continue;
            let level: Level;
            if (rawLevel === "baseline" || rawLevel === "restricted") {
                level = rawLevel;
            } else {
                level = "restricted";
                ctx.violation(ns, `metadata.labels["${enforceLabel}"]`,
                    `is ${JSON.stringify(rawLevel)}, not "privileged", "baseline" or "restricted"; admission then enforces restricted`,
                    "set the label to privileged, baseline or restricted");
            }
            let version: PolicyVersion = ctx.config.version;
            if (enforceVersionLabel in labels) {
                const raw = labels[enforceVersionLabel];
                const parsed = parseVersion(raw);
                if (parsed === undefined) {
                    version = "latest";
                    ctx.violation(ns, `metadata.labels["${enforceVersionLabel}"]`,
                        `is ${JSON.stringify(raw)}, not "latest" or "v1.N"; admission then enforces latest`, 'set it to "latest" or e.g. "v1.30"');
                } else {
                    version = parsed;
                }
            }
            enforced.set(name, { level, version });
        }
        if (enforced.size === 0) return;
        for (const workload of ctx.ofType(kubernetes.workloads)) {
            const namespace = namespaceOf(workload.props);
            const policy = enforced.get(namespace);
            if (!policy) continue;
            const pod = podViewOf(workload.type, workload.props);
            if (!pod) continue;
            const where = `namespace "${namespace}" enforces ${policy.level}:${formatVersion(policy.version)}`;
            for (const { check, findings } of podSecurityChecks.evaluate(policy.level, policy.version, pod)) {
                for (const f of findings) ctx.violation(workload, f.path, `${f.problem} [${check.title}; ${where}]`, f.fix);
            }
        }
    },
});
