import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, resourcePolicy, typescriptFix } from "../core";
import { findAddons, forbidAddon } from "./addons";

export const aksKubeDashboardDisabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-kube-dashboard-disabled",
    displayName: "AKS Kubernetes dashboard off",
    description: "The Kubernetes dashboard add-on, a frequent target with broad permissions, is not enabled.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "control-plane"],
    why: "The dashboard add-on runs with broad permissions and has been a frequent entry point for cluster takeovers.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            addonProfiles: { kubeDashboard: { enabled: false } },
        });
    `),
    remediationSteps: "Remove `addonProfiles.kubeDashboard` (or set `enabled: false`) on the azure-native containerservice.ManagedCluster; use the Azure portal's Kubernetes resource view instead.",
    url: "https://learn.microsoft.com/azure/aks/kubernetes-portal",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        forbidAddon(ctx, findAddons(ctx, cluster, "kubeDashboard"), (path) => `set ${path}: false`);
    },
});
