import { asDict, asString, cisGke, gcp, resourcePolicy } from "../core";
import { type ClusterProps, isAutopilot } from "./gke-nodes";

export const gkeWorkloadIdentity = resourcePolicy<ClusterProps>({
    name: "gke-workload-identity",
    description: "Workload Identity is enabled, so pods get their own Google identity instead of the node's.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "identity"],
    framework: cisGke("5.2.2", "Prefer using dedicated GCP Service Accounts and Workload Identity"),
    remediationSteps:
        "On the gcp.container.Cluster set `workloadIdentityConfig: { workloadPool: `${project}.svc.id.goog` }`, and " +
        "`nodeConfig.workloadMetadataConfig: { mode: \"GKE_METADATA\" }` on its node pools.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        if (isAutopilot(cluster)) ctx.notApplicable("Autopilot cluster: GKE always enables Workload Identity");
        const pool = asString(asDict(cluster.workloadIdentityConfig)?.workloadPool)?.trim();
        if (!pool) {
            ctx.violation(
                "workloadIdentityConfig.workloadPool",
                pool === "" ? "is empty" : "is absent, and GKE then leaves Workload Identity off, so pods use the node's service account",
                "set workloadIdentityConfig: { workloadPool: \"<project>.svc.id.goog\" }",
            );
        }
    },
});
