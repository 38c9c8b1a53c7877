import { deploymentFix, nsaHardening, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssApparmor = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-apparmor",
    displayName: "AppArmor not disabled",
    description: "AppArmor is not disabled: appArmorProfile.type (pod and containers) is RuntimeDefault or Localhost, and the legacy container.apparmor.security.beta.kubernetes.io annotations are runtime/default or localhost/*.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "AppArmor"),
    alsoCites: [
        nsaHardening("Kubernetes Pod security", "Hardening container environments"),
    ],
    why: "An unconfined container loses the AppArmor profile that blocks many container-escape techniques.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            securityContext:
              appArmorProfile: {type: RuntimeDefault}
    `),
    remediationSteps: "Set `securityContext.appArmorProfile: { type: \"RuntimeDefault\" }` (or `Localhost` with `localhostProfile`) instead of `Unconfined`, and remove `container.apparmor.security.beta.kubernetes.io/*: unconfined` annotations.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "appArmorProfile", "k8s-pss-apparmor"),
});
