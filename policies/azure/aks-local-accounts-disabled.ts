import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, resourcePolicy } from "../core";
import { requireTrue } from "./fields";

export const aksLocalAccountsDisabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-local-accounts-disabled",
    description: "AKS local accounts (the static cluster-admin kubeconfig) are disabled, so every access goes through Microsoft Entra ID.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "identity"],
    remediationSteps:
        "Set `disableLocalAccounts: true` on the azure-native containerservice.ManagedCluster, together with " +
        "`aadProfile: { managed: true, enableAzureRBAC: true }`, so that access is granted through Entra ID groups.",
    url: "https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        requireTrue(ctx, cluster, "disableLocalAccounts", "is absent, and AKS then keeps local accounts enabled");
    },
});
