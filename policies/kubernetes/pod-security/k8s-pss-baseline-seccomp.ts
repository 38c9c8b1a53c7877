import { podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssBaselineSeccomp = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-baseline-seccomp",
    description: "Seccomp is not disabled: seccompProfile.type (pod and containers) is not Unconfined; before v1.19 the seccomp.security.alpha.kubernetes.io annotations.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "Seccomp"),
    remediationSteps: "Set `securityContext.seccompProfile: { type: \"RuntimeDefault\" }` (or `Localhost`) instead of `Unconfined`, at pod and container level.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "seccompProfile_baseline", "k8s-pss-baseline-seccomp"),
});
