import { cisGke, gcp, resourcePolicy } from "../core";
import { type ClusterProps, isAutopilot, workloadIdentityOf } from "./gke-nodes";

export const gkeWorkloadIdentity = resourcePolicy<ClusterProps>({
    name: "gke-workload-identity",
    description: "Workload Identity is enabled, so pods get their own Google identity instead of the node's.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "identity"],
    framework: cisGke("5.2.2", "Prefer using dedicated GCP Service Accounts and Workload Identity"),
    remediationSteps:
        "On the gcp.container.Cluster set `workloadIdentityConfig: { workloadPool: `${project}.svc.id.goog` }`. Its node pools " +
        "then run the GKE metadata server unless one sets `nodeConfig.workloadMetadataConfig.mode` to \"GCE_METADATA\".",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        if (isAutopilot(cluster)) ctx.notApplicable("Autopilot cluster: GKE always enables Workload Identity");
        if (workloadIdentityOf(cluster, ctx) !== false) return;
        const pool = (cluster.workloadIdentityConfig as { workloadPool?: unknown } | undefined)?.workloadPool;
        ctx.violation(
            "workloadIdentityConfig.workloadPool",
            typeof pool === "string" ? "is empty" : "is absent, and GKE then leaves Workload Identity off, so pods use the node's service account",
            "set workloadIdentityConfig: { workloadPool: \"<project>.svc.id.goog\" }",
        );
    },
});
