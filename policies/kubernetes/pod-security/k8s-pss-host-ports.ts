import { podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssHostPorts = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-host-ports",
    description: "Containers bind no host port (ports[*].hostPort unset or 0).",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "Host Ports"),
    remediationSteps: "Remove `ports[*].hostPort` from every container and expose the port through a `kubernetes.core.v1.Service`.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "hostPorts", "k8s-pss-host-ports"),
});
