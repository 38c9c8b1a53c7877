import { deploymentFix, nsaHardening, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssBaselineSeccomp = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-baseline-seccomp",
    displayName: "Seccomp not disabled",
    description: "Seccomp is not disabled: seccompProfile.type (pod and containers) is not Unconfined; before v1.19 the seccomp.security.alpha.kubernetes.io annotations.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "Seccomp"),
    alsoCites: [
        nsaHardening("Kubernetes Pod security", "Hardening container environments"),
    ],
    why: "Without seccomp, a container can call every system call, including the rarely used ones behind most kernel exploits.",
    fixExample: deploymentFix(`
        securityContext:
          seccompProfile: {type: RuntimeDefault}
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
    `),
    remediationSteps: "Set `securityContext.seccompProfile: { type: \"RuntimeDefault\" }` (or `Localhost`) instead of `Unconfined`, at pod and container level.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "seccompProfile_baseline", "k8s-pss-baseline-seccomp"),
});
