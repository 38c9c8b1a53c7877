import { cisKubernetes, deploymentFix, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssHostPorts = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-host-ports",
    displayName: "No host ports",
    description: "Containers bind no host port (ports[*].hostPort unset or 0).",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "Host Ports"),
    alsoCites: [
        cisKubernetes("5.2.13"),
    ],
    why: "A host port binds the container directly on the node's address, bypassing Services and NetworkPolicies and colliding with other pods.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            ports:
              - containerPort: 8080
    `),
    remediationSteps: "Remove `ports[*].hostPort` from every container and expose the port through a `kubernetes.core.v1.Service`.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "hostPorts", "k8s-pss-host-ports"),
});
