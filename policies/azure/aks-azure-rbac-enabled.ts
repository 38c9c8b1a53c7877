import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, asDict, azure, cisAks, resourcePolicy } from "../core";

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
        const profile = asDict(cluster.aadProfile);
        const enabled = asBool(profile?.enableAzureRBAC);
        if (enabled === true) return;
        ctx.violation(
            profile ? "aadProfile.enableAzureRBAC" : "aadProfile",
            enabled === false ? "is false" : "is absent, and AKS then does not use Azure RBAC for Kubernetes authorization",
            "set aadProfile.enableAzureRBAC: true",
        );
    },
});
