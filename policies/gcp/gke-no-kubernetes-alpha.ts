import { cisGke, gcp, resourcePolicy } from "../core";
import type { ClusterProps } from "./gke-nodes";
import { readBool } from "./gke-values";

export const gkeNoKubernetesAlpha = resourcePolicy<ClusterProps>({
    name: "gke-no-kubernetes-alpha",
    description: "Kubernetes alpha features are off: alpha clusters get no upgrades, no SLA and untested APIs.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "control-plane"],
    framework: cisGke("5.10.2", "Ensure that Alpha clusters are not used for production workloads"),
    remediationSteps: "On the gcp.container.Cluster remove `enableKubernetesAlpha` or set `enableKubernetesAlpha: false`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/concepts/alpha-clusters",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        const fix = "remove it or set enableKubernetesAlpha: false";
        if (readBool(ctx, cluster, "enableKubernetesAlpha", fix) === true) ctx.violation("enableKubernetesAlpha", "is true", fix);
    },
});
