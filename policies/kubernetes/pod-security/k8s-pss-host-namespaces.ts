import { cisAks, cisEks, cisKubernetes, deploymentFix, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssHostNamespaces = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-host-namespaces",
    displayName: "No host namespaces",
    description: "Pods do not share the node's network, PID or IPC namespace (hostNetwork, hostPID, hostIPC unset or false).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "Host Namespaces"),
    alsoCites: [
        cisKubernetes("5.2.3"),
        cisKubernetes("5.2.4"),
        cisKubernetes("5.2.5"),
        cisEks("4.2.2"),
        cisEks("4.2.3"),
        cisEks("4.2.4"),
        cisAks("4.2.2"),
        cisAks("4.2.3"),
        cisAks("4.2.4"),
    ],
    why: "A pod on the host network, PID or IPC namespace can sniff node traffic, reach node-local services and signal or inspect every process on the node.",
    fixExample: deploymentFix(`
        hostNetwork: false
        hostPID: false
        hostIPC: false
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
    `),
    remediationSteps: "Remove `spec.hostNetwork`, `spec.hostPID` and `spec.hostIPC` from the pod spec (or set them to false), e.g. `spec: { template: { spec: { hostNetwork: false } } }`.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "hostNamespaces", "k8s-pss-host-namespaces"),
});
