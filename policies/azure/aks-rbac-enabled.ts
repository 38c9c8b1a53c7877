import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, azure, resourcePolicy, show } from "../core";

export const aksRbacEnabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-rbac-enabled",
    description: "Kubernetes RBAC is not turned off on the AKS cluster.",
    severity: "critical",
    enforcementLevel: "mandatory",
    tags: ["azure", "rbac"],
    remediationSteps: "Remove `enableRBAC: false` from the azure-native containerservice.ManagedCluster, or set `enableRBAC: true` (the default).",
    url: "https://learn.microsoft.com/azure/aks/concepts-identity#kubernetes-rbac",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const value = cluster.enableRBAC;
        // Absent is fine: AKS enables Kubernetes RBAC by default.
        if (value === undefined || asBool(value) === true) return;
        ctx.violation("enableRBAC", `is ${show(value)}, which turns off Kubernetes RBAC`, "set enableRBAC: true");
    },
});
