import { podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssHostNamespaces = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-host-namespaces",
    description: "Pods do not share the node's network, PID or IPC namespace (hostNetwork, hostPID, hostIPC unset or false).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "Host Namespaces"),
    remediationSteps: "Remove `spec.hostNetwork`, `spec.hostPID` and `spec.hostIPC` from the pod spec (or set them to false), e.g. `spec: { template: { spec: { hostNetwork: false } } }`.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "hostNamespaces", "k8s-pss-host-namespaces"),
});
