import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, azure, nsaHardening, peek, resourcePolicy, typescriptFix, wrongType } from "../core";
import { addonPath, findAddons } from "./addons";
import { read } from "./fields";

const fix = "set addonProfiles.omsagent.enabled: true with a Log Analytics workspace, or azureMonitorProfile.metrics.enabled: true";

export const aksMonitoringEnabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-monitoring-enabled",
    displayName: "AKS monitoring on",
    description: "AKS monitoring is on: the Container Insights add-on (addonProfiles.omsagent) or Azure Monitor (azureMonitorProfile).",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["azure", "logging"],
    framework: nsaHardening("Audit Logging and Threat Detection", "Logging"),
    why: "Without Container Insights or Azure Monitor, resource abuse such as crypto-mining and failing workloads go unnoticed.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            addonProfiles: {
                omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: workspace.id } },
            },
        });
    `),
    remediationSteps:
        "Set `addonProfiles: { omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: workspace.id } } }` or " +
        "`azureMonitorProfile: { metrics: { enabled: true } }` on the azure-native containerservice.ManagedCluster.",
    url: "https://learn.microsoft.com/azure/azure-monitor/containers/kubernetes-monitoring-enable",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const oms = findAddons(ctx, cluster, "omsagent");
        // metrics is the stable field; preview API versions add containerInsights.
        const monitor = ["azureMonitorProfile.metrics.enabled", "azureMonitorProfile.containerInsights.enabled"].map((path) => ({ path, reading: read(cluster, path) }));
        if (oms.addons.some((a) => a.enabled === "on") || monitor.some((m) => m.reading.kind === "value" && asBool(m.reading.value) === true)) return;
        // Not on so far: unknowns may still turn it on, and reported profiles already failed.
        const pending = [
            ...oms.addons.flatMap((a) => (a.unknownAt ? [a.unknownAt] : [])),
            ...monitor.flatMap((m) => (m.reading.kind === "unknown" ? [m.reading.path] : [])),
        ];
        for (const path of pending) ctx.defer(path);
        if (pending.length > 0 || oms.reported) return;
        const wrongAddon = oms.addons.find((a) => a.enabled === "wrong");
        const wrongMonitor = monitor.find((m) => m.reading.kind === "notObject");
        if (wrongAddon) ctx.violation(addonPath(wrongAddon.key, "enabled"), wrongType("a boolean", peek(wrongAddon.profile, "enabled")), fix);
        else if (wrongMonitor?.reading.kind === "notObject") ctx.violation(wrongMonitor.reading.path, wrongType("an object", wrongMonitor.reading.value), fix);
        else {
            ctx.violation(
                "addonProfiles.omsagent",
                "is not enabled and azureMonitorProfile enables no monitoring, so the cluster sends no logs or metrics to Azure Monitor",
                fix,
            );
        }
    },
});
