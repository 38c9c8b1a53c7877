import { gcp, resourcePolicy } from "../core";
import type { ClusterProps } from "./gke-nodes";
import { readBool, wrong } from "./gke-values";

const fields = [
    ["enableInsecureBindingSystemAuthenticated", "system:authenticated (every Google account)"],
    ["enableInsecureBindingSystemUnauthenticated", "system:unauthenticated and system:anonymous"],
] as const;

export const gkeNoInsecureRbacBindings = resourcePolicy<ClusterProps>({
    name: "gke-no-insecure-rbac-bindings",
    description:
        "The cluster refuses RoleBindings and ClusterRoleBindings to system:authenticated and system:unauthenticated.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "rbac"],
    remediationSteps:
        "On the gcp.container.Cluster set `rbacBindingConfig: { enableInsecureBindingSystemAuthenticated: false, " +
        "enableInsecureBindingSystemUnauthenticated: false }`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/best-practices/rbac#prevent-default-group-usage",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        for (const [field, subjects] of fields) {
            ctx.judge(() => {
                const fix = `set rbacBindingConfig.${field}: false`;
                const value = readBool(ctx, cluster, `rbacBindingConfig.${field}`, fix);
                if (value === false || value === wrong) return;
                ctx.violation(
                    `rbacBindingConfig.${field}`,
                    value === true ? `is true, so bindings to ${subjects} are allowed` : `is absent, and GKE then allows bindings to ${subjects}`,
                    fix,
                );
            });
        }
    },
});
