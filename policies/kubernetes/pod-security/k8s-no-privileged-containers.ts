import { cisKubernetes, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

/** The Pod Security Standards baseline "Privileged Containers" control (PSA check `privileged`). */
export const k8sNoPrivilegedContainers = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-no-privileged-containers",
    description: "No container, init container or ephemeral container runs privileged.",
    severity: "critical",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: cisKubernetes("5.2.2", "Minimize the admission of privileged containers"),
    remediationSteps:
        "Remove `securityContext.privileged: true` from the container (or set it to false). Grant only the specific " +
        "capability the workload needs in `securityContext.capabilities.add`.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "privileged", "k8s-no-privileged-containers"),
});
