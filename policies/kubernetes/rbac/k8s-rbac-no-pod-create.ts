import { anyOf, cisKubernetes, kubernetes, resourcePolicy } from "../../core";
import { checkRole, type Permission } from "./rbac-rules";

const permissions: Permission[] = [
        { group: "", resource: "pods", verbs: ["create"] },
        { group: "", resource: "replicationcontrollers", verbs: ["create"] },
        ...["deployments", "statefulsets", "daemonsets", "replicasets"].map((resource) => ({ group: "apps", resource, verbs: ["create"] })),
        ...["jobs", "cronjobs"].map((resource) => ({ group: "batch", resource, verbs: ["create"] })),
    ];

export const k8sRbacNoPodCreate = resourcePolicy<unknown>({
    name: "k8s-rbac-no-pod-create",
    description: "No Role or ClusterRole grants create on pods or on workload controllers, which lets the holder run any pod.",
    severity: "high",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.4", "Minimize access to create pods"),
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
