import { podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssRunAsNonRoot = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-run-as-non-root",
    description: "Containers must run as non-root: runAsNonRoot is true at pod level or on every container, and never false (from v1.35, any value with spec.hostUsers: false).",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload", "pss-restricted"],
    framework: podSecurityStandards("restricted", "Running as Non-root"),
    remediationSteps: "Set `spec.securityContext: { runAsNonRoot: true }` and, if the image's user is root, `runAsUser` to a non-zero UID. Never remediated automatically: it can break images that need root.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    ...checkPolicyParts(podSecurityChecks, "runAsNonRoot", "k8s-pss-run-as-non-root"),
});
