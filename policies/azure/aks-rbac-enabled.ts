import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, azure, nsaHardening, resourcePolicy, show, typescriptFix, wrongType } from "../core";
import { handled, valueAt } from "./fields";

const fix = "set enableRBAC: true (AKS cannot turn RBAC on for an existing cluster: the cluster is created anew)";

export const aksRbacEnabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-rbac-enabled",
    displayName: "AKS Kubernetes RBAC enabled",
    description: "Kubernetes RBAC is not turned off on the AKS cluster.",
    severity: "critical",
    enforcementLevel: "mandatory",
    tags: ["azure", "rbac"],
    framework: nsaHardening("Authentication and authorization", "Role-based access control"),
    why: "Without RBAC every authenticated identity can do everything in the cluster, including reading all Secrets.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            enableRBAC: true,
        });
    `),
    remediationSteps:
        "Remove `enableRBAC: false` from the azure-native containerservice.ManagedCluster, or set `enableRBAC: true` (the default). " +
        "RBAC cannot be turned on for an existing cluster, so a cluster created without it has to be created again.",
    url: "https://learn.microsoft.com/azure/aks/concepts-identity#kubernetes-rbac",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const value = valueAt(ctx, cluster, "enableRBAC", { fix });
        // Absent is on: the ARM API (2025-09-01) creates clusters with RBAC when the request leaves enableRBAC out.
        if (value === handled || value === undefined || asBool(value) === true) return;
        const problem = asBool(value) === false ? `is ${show(value)}, which turns off Kubernetes RBAC` : wrongType("a boolean", value);
        ctx.violation("enableRBAC", problem, fix);
    },
});
