import { cisKubernetes, deploymentFix, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, type PodSecurityConfig } from "./pss";

export const k8sPssHostPathVolumes = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-host-path-volumes",
    displayName: "No hostPath volumes",
    description: "Pods mount no hostPath volume.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: podSecurityStandards("baseline", "HostPath Volumes"),
    alsoCites: [
        cisKubernetes("5.2.12"),
    ],
    why: "A hostPath volume exposes the node's file system: credentials, the kubelet's files and the runtime socket.",
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
    remediationSteps: "Replace `spec.volumes[*].hostPath` with a `persistentVolumeClaim`, `emptyDir`, `configMap` or `secret` volume.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    ...checkPolicyParts(podSecurityChecks, "hostPathVolumes", "k8s-pss-host-path-volumes"),
});
