import { deploymentFix, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssProcMount = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-proc-mount",
    displayName: "Default /proc mount",
    description: "Containers keep the default masked /proc (securityContext.procMount unset or Default); from v1.35 any value is allowed when spec.hostUsers is false.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "/proc Mount Type"),
    why: "An unmasked /proc exposes kernel interfaces that leak host information and help escape the container.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            securityContext:
              procMount: Default
    `),
    remediationSteps: "Remove `securityContext.procMount` (or set it to `\"Default\"`), or run the pod in a user namespace with `spec.hostUsers: false`.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "procMount", "k8s-pss-proc-mount"),
});
