import { cisKubernetes, deploymentFix, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssWindowsHostProcess = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-windows-host-process",
    displayName: "No Windows HostProcess containers",
    description: "No Windows HostProcess containers: windowsOptions.hostProcess is not true at pod or container level.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "HostProcess"),
    alsoCites: [
        cisKubernetes("5.2.11"),
    ],
    why: "A HostProcess container runs directly on the Windows node with host access, with no container isolation at all.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            securityContext:
              windowsOptions: {hostProcess: false}
    `),
    remediationSteps: "Remove `securityContext.windowsOptions.hostProcess` (or set it to false) at pod and container level.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "windowsHostProcess", "k8s-pss-windows-host-process"),
});
