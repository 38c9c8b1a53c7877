import { podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssApparmor = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-apparmor",
    description: "AppArmor is not disabled: appArmorProfile.type (pod and containers) is RuntimeDefault or Localhost, and the legacy container.apparmor.security.beta.kubernetes.io annotations are runtime/default or localhost/*.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "AppArmor"),
    remediationSteps: "Set `securityContext.appArmorProfile: { type: \"RuntimeDefault\" }` (or `Localhost` with `localhostProfile`) instead of `Unconfined`, and remove `container.apparmor.security.beta.kubernetes.io/*: unconfined` annotations.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "appArmorProfile", "k8s-pss-apparmor"),
});
