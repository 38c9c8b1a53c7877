import { podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssHostPathVolumes = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-host-path-volumes",
    description: "Pods mount no hostPath volume.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "HostPath Volumes"),
    remediationSteps: "Replace `spec.volumes[*].hostPath` with a `persistentVolumeClaim`, `emptyDir`, `configMap` or `secret` volume.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "hostPathVolumes", "k8s-pss-host-path-volumes"),
});
