import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, cisAks, nsaHardening, resourcePolicy, typescriptFix } from "../core";
import { requireTrue } from "./fields";
import { automaticNote } from "./automatic";

export const aksLocalAccountsDisabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-local-accounts-disabled",
    displayName: "AKS local accounts disabled",
    description: "AKS local accounts (the static cluster-admin kubeconfig) are disabled, so every access goes through Microsoft Entra ID.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "identity"],
    framework: nsaHardening("Authentication and authorization", "Authentication"),
    alsoCites: [
        cisAks("5.5.1"),
    ],
    why: "The local cluster-admin kubeconfig is a static credential that bypasses Entra ID, conditional access and audit, and cannot be revoked per user.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            disableLocalAccounts: true,
            aadProfile: { managed: true, enableAzureRBAC: true },
        });
    `),
    remediationSteps:
        "Set `disableLocalAccounts: true` on the azure-native containerservice.ManagedCluster, together with " +
        "`aadProfile: { managed: true, enableAzureRBAC: true }`, so that access is granted through Entra ID groups." + automaticNote,
    url: "https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        requireTrue(ctx, cluster, "disableLocalAccounts", "is absent, and AKS then keeps local accounts enabled");
    },
});
