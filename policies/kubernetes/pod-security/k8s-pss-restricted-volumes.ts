import { podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssRestrictedVolumes = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-restricted-volumes",
    description: "Pods use only the restricted volume types: configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload", "pss-restricted"],
    framework: podSecurityStandards("restricted", "Volume Types"),
    remediationSteps: "Replace other volume sources in `spec.volumes` with a `persistentVolumeClaim`, `csi` or `ephemeral` volume.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    ...checkPolicyParts(podSecurityChecks, "restrictedVolumes", "k8s-pss-restricted-volumes"),
});
