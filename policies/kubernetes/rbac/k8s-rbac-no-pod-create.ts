import { anyOf, cisAks, cisEks, cisKubernetes, kubernetes, resourcePolicy, roleFix } from "../../core";
import { checkRole, type Permission } from "./rbac-rules";

const permissions: Permission[] = [
        { group: "", resource: "pods", verbs: ["create"] },
        { group: "", resource: "replicationcontrollers", verbs: ["create"] },
        ...["deployments", "statefulsets", "daemonsets", "replicasets"].map((resource) => ({ group: "apps", resource, verbs: ["create"] })),
        ...["jobs", "cronjobs"].map((resource) => ({ group: "batch", resource, verbs: ["create"] })),
    ];

export const k8sRbacNoPodCreate = resourcePolicy<unknown>({
    name: "k8s-rbac-no-pod-create",
    displayName: "No pod creation rights",
    description: "No Role or ClusterRole grants create on pods or on workload controllers, which lets the holder run any pod.",
    severity: "high",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.4", "Minimize access to create pods"),
    alsoCites: [
        cisEks("4.1.4"),
        cisAks("4.1.4"),
    ],
    why: "Whoever can create pods can run one with any ServiceAccount, Secret or volume of the namespace and so take all of their privileges.",
    fixExample: roleFix(`
        - apiGroups: [apps]
          resources: [deployments]
          verbs: [get, list, watch]
    `),
    remediationSteps:
        "Remove `create` on `pods`, `deployments`, `statefulsets`, `daemonsets`, `replicasets`, `replicationcontrollers`, `jobs` and `cronjobs` from `rules[]` of the kubernetes.rbac.v1.Role or ClusterRole. A holder can start a pod with any ServiceAccount, Secret and volume of the namespace. Keep it only for deployers (CI, GitOps controllers) and exempt those roles explicitly.",
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation",
    appliesTo: anyOf(kubernetes.clusterRole, kubernetes.role),
    validate: (props, ctx) =>
        checkRole(ctx.type, props, ctx, {
            permissions,
            fix: "remove create on pods and workload controllers from this rule",
        }),
});
