import { podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssRunAsUser = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-run-as-user",
    description: "No pod or container sets runAsUser to 0 (from v1.23; from v1.35 any value with spec.hostUsers: false).",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload", "pss-restricted"],
    framework: podSecurityStandards("restricted", "Running as Non-root user"),
    remediationSteps: "Set `securityContext.runAsUser` to a non-zero UID (e.g. 10001) or remove it, at pod and container level. Never remediated automatically.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    ...checkPolicyParts(podSecurityChecks, "runAsUser", "k8s-pss-run-as-user"),
});
