import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, cisAks, nsaHardening, resourcePolicy, typescriptFix } from "../core";
import { handled, requireTrue, valueAt } from "./fields";
import { automaticNote } from "./automatic";

export const aksAadManaged = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-aad-managed",
    displayName: "AKS uses managed Entra ID integration",
    description: "The AKS cluster uses AKS-managed Microsoft Entra ID (Azure AD) integration for user authentication.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "identity"],
    framework: cisAks("5.5.1", "Manage Kubernetes RBAC users with Azure AD"),
    alsoCites: [
        nsaHardening("Authentication and authorization", "Authentication"),
    ],
    why: "Without Entra ID, users authenticate with certificates and static kubeconfigs that cannot be centrally revoked, audited or protected by MFA.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            aadProfile: { managed: true, enableAzureRBAC: true, adminGroupObjectIDs: [adminGroupId] },
        });
    `),
    remediationSteps:
        "Set `aadProfile: { managed: true, enableAzureRBAC: true, adminGroupObjectIDs: [...] }` on the azure-native " +
        "containerservice.ManagedCluster (the legacy serverAppID/clientAppID integration is deprecated)." + automaticNote,
    url: "https://learn.microsoft.com/azure/aks/enable-authentication-microsoft-entra-id",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const fix = "set aadProfile: { managed: true }";
        const profile = valueAt(ctx, cluster, "aadProfile", { fix });
        if (profile === handled) return;
        if (profile === undefined) {
            ctx.violation("aadProfile", "is absent, and AKS then has no Entra ID integration", fix);
            return;
        }
        requireTrue(ctx, cluster, "aadProfile.managed", "is absent, and AKS then uses the deprecated legacy integration", {
            whenFalse: "is false (the deprecated legacy Entra ID integration)",
        });
    },
});
