import { cisGke, gcp, resourcePolicy } from "../core";
import type { ClusterProps } from "./gke-nodes";
import { readBool } from "./gke-values";

export const gkeNoLegacyAbac = resourcePolicy<ClusterProps>({
    name: "gke-no-legacy-abac",
    description: "Legacy ABAC authorization is off, so RBAC alone decides what identities may do.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "rbac"],
    framework: cisGke("5.8.3", "Ensure Legacy Authorization (ABAC) is Disabled"),
    remediationSteps: "On the gcp.container.Cluster remove `enableLegacyAbac` or set `enableLegacyAbac: false`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled_default_for_110",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        const fix = "remove it or set enableLegacyAbac: false";
        if (readBool(ctx, cluster, "enableLegacyAbac", fix) === true) {
            ctx.violation("enableLegacyAbac", "is true, which grants broad static permissions outside RBAC", fix);
        }
    },
});
