import { anyOf, cisKubernetes, kubernetes, resourcePolicy, roleFix } from "../../core";
import { allVerbs, checkRole, type Permission } from "./rbac-rules";

const permissions: Permission[] = [{ group: "", resource: "nodes/proxy", verbs: allVerbs }];

export const k8sRbacNoNodeProxy = resourcePolicy<unknown>({
    name: "k8s-rbac-no-node-proxy",
    displayName: "No nodes/proxy access",
    description: "No Role or ClusterRole grants access to the nodes/proxy subresource (the kubelet API).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.10", "Minimize access to the proxy sub-resource of nodes"),
    why: "nodes/proxy reaches the kubelet API directly, which runs commands in every pod on the node and bypasses API server admission and audit.",
    fixExample: roleFix(`
        - apiGroups: [""]
          resources: [nodes/metrics, nodes/stats]
          verbs: [get]
    `),
    remediationSteps:
        "Remove `nodes/proxy` (and `*`, `*/proxy`) from `rules[].resources` of the kubernetes.rbac.v1.ClusterRole. It reaches the kubelet API directly, which can run commands in every pod on the node and bypasses admission and audit of the API server. Monitoring agents need only `nodes/metrics` or `nodes/stats`.",
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#access-to-proxy-subresource-of-nodes",
    appliesTo: anyOf(kubernetes.clusterRole, kubernetes.role),
    validate: (props, ctx) =>
        checkRole(ctx.type, props, ctx, {
            permissions,
            fix: "remove nodes/proxy from this rule; grant nodes/metrics or nodes/stats instead where metrics are needed",
        }),
});
