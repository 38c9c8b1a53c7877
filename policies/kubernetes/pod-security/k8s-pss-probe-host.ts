import { deploymentFix, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssProbeHost = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-probe-host",
    displayName: "Probes and hooks target the pod",
    description: "From v1.34: probes (liveness, readiness, startup) and lifecycle handlers (postStart, preStop) set no httpGet or tcpSocket host, so they cannot reach other hosts from the node.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "Host Probes / Lifecycle Hooks"),
    why: "A probe or hook with a host field makes the kubelet connect to arbitrary addresses from the node, a path to internal services.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            readinessProbe:
              httpGet: {path: /ready, port: 8080}
    `),
    remediationSteps: "Remove `host` from `livenessProbe`, `readinessProbe`, `startupProbe` and `lifecycle.postStart`/`preStop` `httpGet` and `tcpSocket` handlers.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "hostProbesAndHostLifecycle", "k8s-pss-probe-host"),
});
