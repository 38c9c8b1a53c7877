import { cisAks, cisEks, cisKubernetes, deploymentFix, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

/** The Pod Security Standards baseline "Privileged Containers" control (PSA check `privileged`). */
export const k8sNoPrivilegedContainers = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-no-privileged-containers",
    displayName: "No privileged containers",
    description: "No container, init container or ephemeral container runs privileged.",
    severity: "critical",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: cisKubernetes("5.2.2", "Minimize the admission of privileged containers"),
    alsoCites: [
        podSecurityStandards("baseline", "Privileged Containers"),
        cisEks("4.2.1"),
        cisAks("4.2.1"),
    ],
    why: "A privileged container has every capability and all host devices: escaping to the node is trivial.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            securityContext:
              privileged: false
    `),
    remediationSteps:
        "Remove `securityContext.privileged: true` from the container (or set it to false). Grant only the specific " +
        "capability the workload needs in `securityContext.capabilities.add`.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "privileged", "k8s-no-privileged-containers"),
});
