import { anyOf, kubernetes, nsaHardening, resourcePolicy, roleFix } from "../../core";
import { checkRole, type Permission } from "./rbac-rules";

const permissions: Permission[] = [{ group: "", resource: "configmaps", verbs: ["create", "update", "patch", "delete"], names: ["aws-auth"] }];

export const k8sRbacNoAwsAuthWrite = resourcePolicy<unknown>({
    name: "k8s-rbac-no-aws-auth-write",
    displayName: "No write access to aws-auth",
    description: "On EKS, no Role in kube-system or ClusterRole can write the aws-auth ConfigMap, which maps IAM identities to Kubernetes groups.",
    severity: "critical",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    framework: nsaHardening("Authentication and authorization", "Role-based access control"),
    why: "Whoever can write the aws-auth ConfigMap can map any IAM principal to system:masters.",
    fixExample: roleFix(`
        - apiGroups: [""]
          resources: [configmaps]
          resourceNames: [app-settings]
          verbs: [get, update, patch]
    `, "kube-system"),
    remediationSteps:
        "Remove create, update, patch and delete on `configmaps` (core group) from `rules[]` of the kubernetes.rbac.v1.ClusterRole or kube-system Role, or limit them with `resourceNames` to ConfigMaps other than `aws-auth`. Whoever writes aws-auth can map any IAM principal to system:masters. Prefer EKS access entries (aws.eks.AccessEntry) over aws-auth.",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html",
    appliesTo: anyOf(kubernetes.clusterRole, kubernetes.role),
    validate: (props, ctx) =>
        checkRole(ctx.type, props, ctx, {
            permissions,
            namespaces: ["kube-system"],
            fix: "remove write verbs on configmaps from this rule, or limit it with resourceNames to ConfigMaps other than aws-auth",
        }),
});
