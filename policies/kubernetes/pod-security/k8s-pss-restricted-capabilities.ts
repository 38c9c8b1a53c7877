import { asDict, cisKubernetes, deploymentFix, type Dict, podSecurityStandards, resourcePolicy } from "../../core";
import { podSecurityChecks } from "./checks";
import { checkPolicyParts, ensureSecurityContext, isWindowsPod, type PodSecurityConfig, remediateWith } from "./pss";

export const k8sPssRestrictedCapabilities = resourcePolicy<unknown, PodSecurityConfig>({
    name: "k8s-pss-restricted-capabilities",
    displayName: "All capabilities dropped",
    description: "Every container drops ALL capabilities and adds none but NET_BIND_SERVICE (from v1.22; Windows pods exempt from v1.25).",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload", "pss-restricted"],
    framework: podSecurityStandards("restricted", "Capabilities"),
    alsoCites: [
        cisKubernetes("5.2.8"),
        cisKubernetes("5.2.9"),
        cisKubernetes("5.2.10"),
    ],
    why: "Default capabilities such as NET_RAW allow spoofing and sniffing on the pod network; dropping ALL removes what the workload does not need.",
    fixExample: deploymentFix(`
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            securityContext:
              capabilities:
                drop: [ALL]
                add: [NET_BIND_SERVICE]
    `),
    remediationSteps: "Set `securityContext: { capabilities: { drop: [\"ALL\"], add: [\"NET_BIND_SERVICE\"] } }` (add only if needed). At `remediate` enforcement the policy adds \"ALL\" to drop.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    ...checkPolicyParts(podSecurityChecks, "capabilities_restricted", "k8s-pss-restricted-capabilities"),
    remediate: remediateWith(podSecurityChecks, "capabilities_restricted", (pod) => {
        if (isWindowsPod(pod)) return false;
        let changed = false;
        for (const c of pod.containers) {
            const sc = ensureSecurityContext(c.container as Dict);
            const caps = asDict(sc.capabilities) ?? {};
            const drop = Array.isArray(caps.drop) ? caps.drop : [];
            if (drop.includes("ALL")) continue;
            sc.capabilities = { ...caps, drop: [...drop, "ALL"] };
            changed = true;
        }
        return changed;
    }),
});
