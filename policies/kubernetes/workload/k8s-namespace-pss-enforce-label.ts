import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import { asDict, asString, cisGke, cisKubernetes, isUnknown, kubernetes, nsaHardening, peek, PolicyConfigError, resourcePolicy, show, yamlFix } from "../../core";

const levels = ["privileged", "baseline", "restricted"] as const;
type Level = (typeof levels)[number];
const enforceLabel = "pod-security.kubernetes.io/enforce";

interface Config {
    minimumLevel: Level;
}

export const k8sNamespacePssEnforceLabel = resourcePolicy<Unwrap<k8s.core.v1.Namespace>, Config>({
    name: "k8s-namespace-pss-enforce-label",
    displayName: "Namespaces enforce a Pod Security level",
    description:
        "Namespaces carry a `pod-security.kubernetes.io/enforce` label of at least the configured level (baseline by default), " +
        "so Pod Security Admission enforces the standard at admission too.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload"],
    framework: cisKubernetes("5.2.1"),
    alsoCites: [
        cisGke("4.2.1"),
        nsaHardening("Kubernetes Pod security", "Pod security enforcement"),
    ],
    why: "Without an enforce label, Pod Security Admission lets any pod in, however privileged, including ones created outside this pipeline.",
    fixExample: yamlFix(`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            pod-security.kubernetes.io/enforce: restricted
    `),
    remediationSteps:
        'Set `metadata.labels["pod-security.kubernetes.io/enforce"]` on the Namespace to "restricted" (or at least ' +
        '"baseline"), e.g. `labels: { "pod-security.kubernetes.io/enforce": "restricted" }`.',
    url: "https://kubernetes.io/docs/concepts/security/pod-security-admission/",
    configSchema: {
        properties: {
            minimumLevel: {
                type: "string",
                enum: ["baseline", "restricted"],
                default: "baseline",
                description: "The least strict enforce level accepted.",
            },
        },
    },
    parseConfig: (raw) => {
        const level = raw.minimumLevel;
        if (level !== "baseline" && level !== "restricted") throw new PolicyConfigError("k8s-namespace-pss-enforce-label", `minimumLevel: ${show(level)} is not baseline or restricted`);
        return { minimumLevel: level };
    },
    appliesTo: kubernetes.namespace,
    validate: (props, ctx) => {
        const labels = asDict(asDict(asDict(props)?.metadata)?.labels);
        const value = peek(labels, enforceLabel);
        const path = `metadata.labels["${enforceLabel}"]`;
        if (isUnknown(value)) {
            ctx.defer(path);
            return;
        }
        const fix = `set it to "${ctx.config.minimumLevel}"${ctx.config.minimumLevel === "baseline" ? ' or "restricted"' : ""}`;
        if (value === undefined || value === null) {
            ctx.violation(path, "is absent, and Pod Security Admission then applies the cluster default, which is privileged unless configured otherwise", fix);
            return;
        }
        const level = asString(value) as Level | undefined;
        if (!level || !levels.includes(level)) {
            ctx.violation(path, `is ${show(value)}, which is not a Pod Security level`, fix);
        } else if (levels.indexOf(level) < levels.indexOf(ctx.config.minimumLevel)) {
            ctx.violation(path, `is "${level}", below the required "${ctx.config.minimumLevel}"`, fix);
        }
    },
});
