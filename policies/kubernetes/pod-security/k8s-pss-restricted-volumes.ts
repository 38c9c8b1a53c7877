import { deploymentFix, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssRestrictedVolumes = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-restricted-volumes",
    displayName: "Only restricted volume types",
    description: "Pods use only the restricted volume types: configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload", "pss-restricted"],
    framework: podSecurityStandards("restricted", "Volume Types"),
    why: "Volume types outside the restricted list (NFS, iSCSI, hostPath, ...) reach storage directly from the node, outside the cluster's storage controls.",
    fixExample: deploymentFix(`
        volumes:
          - name: data
            persistentVolumeClaim: {claimName: web-data}
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            volumeMounts:
              - {name: data, mountPath: /data}
    `),
    remediationSteps: "Replace other volume sources in `spec.volumes` with a `persistentVolumeClaim`, `csi` or `ephemeral` volume.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    ...checkPolicyParts(podSecurityChecks, "restrictedVolumes", "k8s-pss-restricted-volumes"),
});
