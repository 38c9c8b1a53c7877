import { deploymentFix, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssRestrictedProcMount = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-restricted-proc-mount",
    displayName: "Default /proc mount, also in user namespaces",
    description: "From v1.35, restricted keeps procMount unset or Default even when spec.hostUsers is false.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload", "pss-restricted"],
    framework: podSecurityStandards("restricted", "/proc Mount Type"),
    why: "An unmasked /proc exposes kernel interfaces; the restricted profile keeps it masked even in a user namespace.",
    fixExample: deploymentFix(`
        hostUsers: false
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            securityContext:
              procMount: Default
    `),
    remediationSteps: "Remove `securityContext.procMount` or set it to `\"Default\"` on every container.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    ...checkPolicyParts(podSecurityChecks, "procMount_restricted", "k8s-pss-restricted-proc-mount"),
});
