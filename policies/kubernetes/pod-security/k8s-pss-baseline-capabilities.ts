import { podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssBaselineCapabilities = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-baseline-capabilities",
    description: "Containers add no Linux capability beyond the baseline set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "Capabilities"),
    remediationSteps: "Remove other capabilities from `securityContext.capabilities.add` on every container, e.g. `securityContext: { capabilities: { add: [\"NET_BIND_SERVICE\"] } }`.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "capabilities_baseline", "k8s-pss-baseline-capabilities"),
});
