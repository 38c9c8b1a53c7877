import { anyOf, cisKubernetes, kubernetes, resourcePolicy, roleFix } from "../../core";
import { checkRole, type Permission } from "./rbac-rules";

const permissions: Permission[] = [{ group: "", resource: "persistentvolumes", verbs: ["create"] }];

export const k8sRbacNoPvCreate = resourcePolicy<unknown>({
    name: "k8s-rbac-no-pv-create",
    displayName: "No PersistentVolume creation",
    description: "No Role or ClusterRole grants create on persistentvolumes.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    framework: cisKubernetes("5.1.9", "Minimize access to create persistent volumes"),
    why: "A PersistentVolume can point at a hostPath, giving the pods that claim it the node's file system.",
    fixExample: roleFix(`
        - apiGroups: [""]
          resources: [persistentvolumeclaims]
          verbs: [get, list, watch, create]
    `),
    remediationSteps:
        "Remove `create` on `persistentvolumes` from `rules[]` of the kubernetes.rbac.v1.ClusterRole. A PersistentVolume can point at a hostPath, which gives the pods that claim it the node's file system. Workloads should request storage through PersistentVolumeClaims and a StorageClass.",
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#persistent-volume-creation",
    appliesTo: anyOf(kubernetes.clusterRole, kubernetes.role),
    validate: (props, ctx) =>
        checkRole(ctx.type, props, ctx, {
            permissions,
            fix: "remove create on persistentvolumes from this rule; use PersistentVolumeClaims and a StorageClass",
        }),
});
