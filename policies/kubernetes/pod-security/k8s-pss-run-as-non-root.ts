import { cisKubernetes, deploymentFix, nsaHardening, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssRunAsNonRoot = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-run-as-non-root",
    displayName: "Containers run as non-root",
    description: "Containers must run as non-root: runAsNonRoot is true at pod level or on every container, and never false (from v1.35, any value with spec.hostUsers: false).",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload", "pss-restricted"],
    framework: podSecurityStandards("restricted", "Running as Non-root"),
    alsoCites: [
        cisKubernetes("5.2.7"),
        nsaHardening("Kubernetes Pod security", "\"Non-root\" containers and \"rootless\" container engines"),
    ],
    why: "Root in a container is root on the node's kernel: any escape or writable host mount is then a node compromise.",
    fixExample: deploymentFix(`
        securityContext:
          runAsNonRoot: true
          runAsUser: 10001
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
    `),
    remediationSteps: "Set `spec.securityContext: { runAsNonRoot: true }` and, if the image's user is root, `runAsUser` to a non-zero UID. Never remediated automatically: it can break images that need root.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    ...checkPolicyParts(podSecurityChecks, "runAsNonRoot", "k8s-pss-run-as-non-root"),
});
