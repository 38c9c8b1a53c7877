import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, cisAks, nsaHardening, resourcePolicy, typescriptFix } from "../core";
import { handled, requireTrue, valueAt } from "./fields";
import { automaticNote } from "./automatic";

const absent = "is absent, and AKS then does not use Azure RBAC for Kubernetes authorization";

export const aksAzureRbacEnabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-azure-rbac-enabled",
    displayName: "AKS authorizes with Azure RBAC",
    description: "Kubernetes authorization on AKS uses Azure RBAC, so access is granted and audited through Entra ID role assignments.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["azure", "identity"],
    framework: cisAks("5.5.2", "Use Azure RBAC for Kubernetes Authorization"),
    alsoCites: [
        nsaHardening("Authentication and authorization", "Role-based access control"),
    ],
    why: "With only in-cluster RBAC, access is granted outside Azure's role assignments and their review, audit and conditional access.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            aadProfile: { managed: true, enableAzureRBAC: true },
        });
    `),
    remediationSteps: "Set `aadProfile: { managed: true, enableAzureRBAC: true }` on the azure-native containerservice.ManagedCluster." + automaticNote,
    url: "https://learn.microsoft.com/azure/aks/manage-azure-rbac",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const fix = "set aadProfile.enableAzureRBAC: true";
        const profile = valueAt(ctx, cluster, "aadProfile", { fix });
        if (profile === handled) return;
        if (profile === undefined) ctx.violation("aadProfile", absent, fix);
        else requireTrue(ctx, cluster, "aadProfile.enableAzureRBAC", absent);
    },
});
