import { cisAks, cisEks, cisKubernetes, deploymentFix, type Dict, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, ensureSecurityContext, isWindowsPod, type PodSecurityConfig, remediateWith } from "./pss";

export const k8sPssPrivilegeEscalation = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-privilege-escalation",
    displayName: "No privilege escalation",
    description: "Every container sets securityContext.allowPrivilegeEscalation to false (from v1.8; Windows pods exempt from v1.25).",
    severity: "high",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload", "pss-restricted"],
    framework: podSecurityStandards("restricted", "Privilege Escalation"),
    alsoCites: [
        cisKubernetes("5.2.6"),
        cisEks("4.2.5"),
        cisAks("4.2.5"),
    ],
    why: "With allowPrivilegeEscalation, a setuid binary or file capability inside the container can gain more privileges than the process started with.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            securityContext:
              allowPrivilegeEscalation: false
    `),
    remediationSteps: "Set `securityContext: { allowPrivilegeEscalation: false }` on every container, init container and ephemeral container. At `remediate` enforcement the policy sets it.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    ...checkPolicyParts(podSecurityChecks, "allowPrivilegeEscalation", "k8s-pss-privilege-escalation"),
    remediate: remediateWith(podSecurityChecks, "allowPrivilegeEscalation", (pod) => {
        // Windows rejects the field; PSA exempts Windows pods from v1.25.
        if (isWindowsPod(pod)) return false;
        let changed = false;
        for (const c of pod.containers) {
            const sc = ensureSecurityContext(c.container as Dict);
            if (sc.allowPrivilegeEscalation !== false) {
                sc.allowPrivilegeEscalation = false;
                changed = true;
            }
        }
        return changed;
    }),
});
