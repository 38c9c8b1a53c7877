import { cisGke, gcp, isUnknown, nsaHardening, peek, resourcePolicy, typescriptFix } from "../core";
import type { ClusterProps } from "./gke-nodes";
import { readDict, readString, wrong } from "./gke-values";

const fix = "set authenticatorGroupsConfig: { securityGroup: \"gke-security-groups@<your-domain>\" }";

export const gkeGoogleGroupsRbac = resourcePolicy<ClusterProps>({
    name: "gke-google-groups-rbac",
    displayName: "GKE Google Groups for RBAC",
    description: "Google Groups for RBAC is configured, so access is granted to groups rather than to individual users.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["gcp", "rbac"],
    framework: cisGke("5.8.2", "Manage Kubernetes RBAC users with Google Groups for GKE"),
    alsoCites: [
        nsaHardening("Authentication and authorization", "Role-based access control"),
    ],
    why: "Binding roles to individual users scatters access across many bindings that are rarely reviewed or removed when people leave.",
    fixExample: typescriptFix(`
        const cluster = new gcp.container.Cluster("prod", {
            location: "europe-west1",
            authenticatorGroupsConfig: { securityGroup: "gke-security-groups@example.com" },
        });
    `),
    remediationSteps:
        "On the gcp.container.Cluster set `authenticatorGroupsConfig: { securityGroup: \"gke-security-groups@example.com\" }` " +
        "and bind Kubernetes roles to groups nested in it.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/google-groups-rbac",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        const config = readDict(ctx, cluster, "authenticatorGroupsConfig", fix);
        if (config === wrong) return;
        // Only presence matters: a group computed from another resource (unknown in a preview) is configured.
        if (isUnknown(peek(config, "securityGroup"))) return;
        const group = readString(ctx, config, "securityGroup", fix, "authenticatorGroupsConfig");
        if (group === wrong || group?.trim()) return;
        ctx.violation(
            "authenticatorGroupsConfig.securityGroup",
            group !== undefined ? "is empty" : "is absent, and GKE then ignores Google Groups in RBAC bindings",
            fix,
        );
    },
});
