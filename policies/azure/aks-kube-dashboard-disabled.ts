import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, resourcePolicy } from "../core";
import { findAddons, forbidAddon } from "./addons";

export const aksKubeDashboardDisabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-kube-dashboard-disabled",
    description: "The Kubernetes dashboard add-on, a frequent target with broad permissions, is not enabled.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "control-plane"],
    remediationSteps: "Remove `addonProfiles.kubeDashboard` (or set `enabled: false`) on the azure-native containerservice.ManagedCluster; use the Azure portal's Kubernetes resource view instead.",
    url: "https://learn.microsoft.com/azure/aks/kubernetes-portal",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        forbidAddon(ctx, findAddons(ctx, cluster, "kubeDashboard"), (path) => `set ${path}: false`);
    },
});
