import { podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssWindowsHostProcess = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-windows-host-process",
    description: "No Windows HostProcess containers: windowsOptions.hostProcess is not true at pod or container level.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "HostProcess"),
    remediationSteps: "Remove `securityContext.windowsOptions.hostProcess` (or set it to false) at pod and container level.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "windowsHostProcess", "k8s-pss-windows-host-process"),
});
