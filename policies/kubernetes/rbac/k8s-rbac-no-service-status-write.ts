import { anyOf, kubernetes, resourcePolicy } from "../../core";
import { checkRole, type Permission } from "./rbac-rules";

const permissions: Permission[] = [{ group: "", resource: "services/status", verbs: ["update", "patch"] }];

export const k8sRbacNoServiceStatusWrite = resourcePolicy<unknown>({
    name: "k8s-rbac-no-service-status-write",
    description:
        "No Role or ClusterRole can update or patch `services/status`: whoever writes a LoadBalancer Service's status.loadBalancer.ingress " +
        "can make the cluster send traffic for any IP address to that Service (CVE-2020-8554).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "rbac"],
    remediationSteps:
        "Remove `update` and `patch` on `services/status` (core group) from `rules[]` of the kubernetes.rbac.v1.ClusterRole or Role, " +
        "and any `*` that covers them (`resources: [\"*\"]`, `[\"*/status\"]`, `verbs: [\"*\"]`). Only load-balancer controllers " +
        "(the cloud controller manager, MetalLB) need it; exempt their roles by name with `excludeResourceNames`.",
    url: "https://github.com/kubernetes/kubernetes/issues/97076",
    appliesTo: anyOf(kubernetes.clusterRole, kubernetes.role),
    validate: (props, ctx) =>
        checkRole(ctx.type, props, ctx, {
            permissions,
            fix: "remove update and patch on services/status from this rule",
        }),
});
