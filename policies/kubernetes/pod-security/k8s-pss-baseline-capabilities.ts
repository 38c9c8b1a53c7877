import { cisKubernetes, deploymentFix, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssBaselineCapabilities = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-baseline-capabilities",
    displayName: "Only baseline capabilities added",
    description: "Containers add no Linux capability beyond the baseline set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "Capabilities"),
    alsoCites: [
        cisKubernetes("5.2.9"),
    ],
    why: "Capabilities such as SYS_ADMIN, NET_ADMIN or SYS_PTRACE give a container kernel powers that lead to node escape or network takeover.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            securityContext:
              capabilities:
                add: [NET_BIND_SERVICE]
    `),
    remediationSteps: "Remove other capabilities from `securityContext.capabilities.add` on every container, e.g. `securityContext: { capabilities: { add: [\"NET_BIND_SERVICE\"] } }`.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "capabilities_baseline", "k8s-pss-baseline-capabilities"),
});
