import { cisGke, gcp, isUnknown, peek, resourcePolicy } from "../core";
import type { ClusterProps } from "./gke-nodes";
import { readDict, readString, wrong } from "./gke-values";

const fix = "set authenticatorGroupsConfig: { securityGroup: \"gke-security-groups@<your-domain>\" }";

export const gkeGoogleGroupsRbac = resourcePolicy<ClusterProps>({
    name: "gke-google-groups-rbac",
    description: "Google Groups for RBAC is configured, so access is granted to groups rather than to individual users.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["gcp", "rbac"],
    framework: cisGke("5.8.2", "Manage Kubernetes RBAC users with Google Groups for GKE"),
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
