import { cisKubernetes, deploymentFix, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssRunAsUser = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-run-as-user",
    displayName: "No runAsUser 0",
    description: "No pod or container sets runAsUser to 0 (from v1.23; from v1.35 any value with spec.hostUsers: false).",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload", "pss-restricted"],
    framework: podSecurityStandards("restricted", "Running as Non-root user"),
    alsoCites: [
        cisKubernetes("5.2.7"),
    ],
    why: "Setting runAsUser to 0 runs the container as root even when the image chose a non-root user.",
    fixExample: deploymentFix(`
        securityContext:
          runAsUser: 10001
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
    `),
    remediationSteps: "Set `securityContext.runAsUser` to a non-zero UID (e.g. 10001) or remove it, at pod and container level. Never remediated automatically.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    ...checkPolicyParts(podSecurityChecks, "runAsUser", "k8s-pss-run-as-user"),
});
