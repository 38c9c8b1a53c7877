import { gcp, resourcePolicy } from "../core";
import type { ClusterProps } from "./gke-nodes";
import { readString, wrong } from "./gke-values";

export const gkeSecurityPosture = resourcePolicy<ClusterProps>({
    name: "gke-security-posture",
    description: "The GKE security posture dashboard is not disabled, so workload misconfigurations are reported.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["gcp", "workload"],
    remediationSteps:
        "On the gcp.container.Cluster remove `securityPostureConfig.mode: \"DISABLED\"` or set " +
        "`securityPostureConfig: { mode: \"BASIC\", vulnerabilityMode: \"VULNERABILITY_BASIC\" }`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/concepts/about-security-posture-dashboard",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        // Absent: GKE enables the BASIC posture on new clusters.
        const fix = "set securityPostureConfig.mode: \"BASIC\" (or \"ENTERPRISE\")";
        const mode = readString(ctx, cluster, "securityPostureConfig.mode", fix);
        if (mode !== wrong && mode?.trim().toUpperCase() === "DISABLED") ctx.violation("securityPostureConfig.mode", `is ${JSON.stringify(mode)}`, fix);
    },
});
