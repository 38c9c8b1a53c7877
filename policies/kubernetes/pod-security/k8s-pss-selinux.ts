import { deploymentFix, nsaHardening, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssSelinux = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-selinux",
    displayName: "SELinux options within the container domain",
    description: "SELinux options stay within the container domain: seLinuxOptions.type is empty, container_t, container_init_t, container_kvm_t (or container_engine_t from v1.31), and user and role are unset.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "SELinux"),
    alsoCites: [
        nsaHardening("Kubernetes Pod security", "Hardening container environments"),
    ],
    why: "Custom SELinux users, roles or types can lift the confinement that keeps a container from host files and other containers.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            securityContext:
              seLinuxOptions: {type: container_t}
    `),
    remediationSteps: "Remove `securityContext.seLinuxOptions.user` and `.role`, and set `seLinuxOptions.type` to `container_t` (or remove it), at pod and container level.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "seLinuxOptions", "k8s-pss-selinux"),
});
