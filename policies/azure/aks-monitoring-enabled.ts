import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, asDict, azure, resourcePolicy } from "../core";
import { findAddons } from "./addons";

export const aksMonitoringEnabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-monitoring-enabled",
    description: "AKS monitoring is on: the Container Insights add-on (addonProfiles.omsagent) or Azure Monitor (azureMonitorProfile).",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["azure", "logging"],
    remediationSteps:
        "Set `addonProfiles: { omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: workspace.id } } }` or " +
        "`azureMonitorProfile: { metrics: { enabled: true } }` on the azure-native containerservice.ManagedCluster.",
    url: "https://learn.microsoft.com/azure/azure-monitor/containers/kubernetes-monitoring-enable",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        if (findAddons(cluster, "omsagent").some((a) => a.enabled === true)) return;
        const monitor = asDict(cluster.azureMonitorProfile);
        // metrics is the stable field; preview API versions add containerInsights.
        if (asBool(asDict(monitor?.metrics)?.enabled) === true || asBool(asDict(monitor?.["containerInsights"])?.enabled) === true) return;
        ctx.violation(
            "addonProfiles.omsagent",
            "is not enabled and azureMonitorProfile enables no monitoring, so the cluster sends no logs or metrics to Azure Monitor",
            "set addonProfiles.omsagent.enabled: true with a Log Analytics workspace, or azureMonitorProfile.metrics.enabled: true",
        );
    },
});
