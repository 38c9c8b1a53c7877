import { podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssSysctls = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-sysctls",
    description: "Pods set only the safe, namespaced sysctls of the configured Pod Security Standards version.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "Sysctls"),
    remediationSteps: "Remove unsafe entries from `spec.securityContext.sysctls`; set node-level sysctls on the node pool instead.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "sysctls", "k8s-pss-sysctls"),
});
