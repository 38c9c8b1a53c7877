import { cisGke, resourcePolicy, show } from "../core";
import { defaultAccount, forEachTarget, type GkeProps, gkeClusterOrPool, nodeTargets, resolveComputedAccounts } from "./gke-nodes";

export const gkeNoDefaultServiceAccount = resourcePolicy<GkeProps>({
    name: "gke-no-default-service-account",
    description: "Nodes run as a dedicated least-privilege service account, not the Compute Engine default (Editor) account.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "identity"],
    framework: cisGke("5.2.1", "Ensure GKE clusters are not running using the Compute Engine default service account"),
    remediationSteps:
        "Create a gcp.serviceaccount.Account with only roles/container.defaultNodeServiceAccount and set " +
        "`nodeConfig.serviceAccount: account.email` on every gcp.container.NodePool (and the Cluster's nodeConfig / inline " +
        "nodePools). For Autopilot and node auto-provisioning set `clusterAutoscaling.autoProvisioningDefaults.serviceAccount`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#use_least_privilege_sa",
    appliesTo: gkeClusterOrPool,
    validate: (props, ctx) => {
        // Autopilot nodes use clusterAutoscaling.autoProvisioningDefaults.serviceAccount, so it is judged there.
        forEachTarget(ctx, nodeTargets(props, ctx, { autoProvisioning: true }), (target) => {
            if (defaultAccount(ctx, target) !== true) return;
            const account = target.config?.serviceAccount;
            ctx.violation(
                `${target.path}.serviceAccount`,
                account === undefined || account === null
                    ? `is absent${target.where}, and GKE then runs the nodes as the Compute Engine default service account`
                    : `is ${show(account)}${target.where}, the Compute Engine default service account`,
                "set serviceAccount to the email of a dedicated least-privilege service account",
            );
        });
    },
    validateStack: resolveComputedAccounts,
});
