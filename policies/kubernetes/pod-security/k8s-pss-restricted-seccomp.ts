import { podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, ensureSecurityContext, isWindowsPod, type PodSecurityConfig, remediateWith } from "./pss";

export const k8sPssRestrictedSeccomp = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-restricted-seccomp",
    description: "Seccomp is RuntimeDefault or Localhost, set at pod level or on every container (from v1.19; Windows pods exempt from v1.25).",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload", "pss-restricted"],
    framework: podSecurityStandards("restricted", "Seccomp"),
    remediationSteps: "Set `spec.securityContext: { seccompProfile: { type: \"RuntimeDefault\" } }`. At `remediate` enforcement the policy sets it at pod level when absent.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    ...checkPolicyParts(podSecurityChecks, "seccompProfile_restricted", "k8s-pss-restricted-seccomp"),
    remediate: remediateWith(podSecurityChecks, "seccompProfile_restricted", (pod) => {
        // Only fills an absent pod-level profile; an explicit Unconfined is a choice left to the author.
        if (isWindowsPod(pod)) return false;
        const sc = ensureSecurityContext(pod.spec);
        if (sc.seccompProfile !== undefined) return false;
        sc.seccompProfile = { type: "RuntimeDefault" };
        return true;
    }),
});
