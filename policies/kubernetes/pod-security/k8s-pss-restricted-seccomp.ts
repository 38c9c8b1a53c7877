import { cisGke, cisKubernetes, deploymentFix, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, ensureSecurityContext, isWindowsPod, type PodSecurityConfig, remediateWith } from "./pss";

export const k8sPssRestrictedSeccomp = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-restricted-seccomp",
    displayName: "Seccomp RuntimeDefault or Localhost",
    description: "Seccomp is RuntimeDefault or Localhost, set at pod level or on every container (from v1.19; Windows pods exempt from v1.25).",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload", "pss-restricted"],
    framework: podSecurityStandards("restricted", "Seccomp"),
    alsoCites: [
        cisKubernetes("5.7.2"),
        cisGke("4.6.2"),
    ],
    why: "Without a seccomp profile, a container can call every system call, including the rarely used ones behind most kernel exploits.",
    fixExample: deploymentFix(`
        securityContext:
          seccompProfile: {type: RuntimeDefault}
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
    `),
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
