import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, cisAks, resourcePolicy } from "../core";
import { handled, requireTrue, valueAt } from "./fields";

const absent = "is absent, and AKS then does not use Azure RBAC for Kubernetes authorization";

export const aksAzureRbacEnabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-azure-rbac-enabled",
    description: "Kubernetes authorization on AKS uses Azure RBAC, so access is granted and audited through Entra ID role assignments.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["azure", "identity"],
    framework: cisAks("5.5.2", "Use Azure RBAC for Kubernetes Authorization"),
    remediationSteps: "Set `aadProfile: { managed: true, enableAzureRBAC: true }` on the azure-native containerservice.ManagedCluster.",
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
