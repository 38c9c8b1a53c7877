import { cisGke, gcp, resourcePolicy } from "../core";
import { type ComponentsConfig, componentsSchema, enabledComponents, parseComponents, serviceOk } from "./gke-components";
import type { ClusterProps } from "./gke-nodes";
import { readDict, wrong } from "./gke-values";

export const gkeMonitoringEnabled = resourcePolicy<ClusterProps, ComponentsConfig>({
    name: "gke-monitoring-enabled",
    description:
        "Cloud Monitoring for GKE is on (not off, not the decommissioned legacy integration) and collects system component metrics.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "logging"],
    framework: cisGke("5.7.1", "Ensure Logging and Cloud Monitoring is Enabled"),
    remediationSteps:
        "On the gcp.container.Cluster leave `monitoringService` unset (or set \"monitoring.googleapis.com/kubernetes\"; never " +
        "\"none\" or the legacy \"monitoring.googleapis.com\") and, when setting `monitoringConfig.enableComponents`, include " +
        "\"SYSTEM_COMPONENTS\".",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/configure-metrics",
    configSchema: componentsSchema(["SYSTEM_COMPONENTS"], "monitoringConfig", "Checked only when the cluster lists components."),
    parseConfig: parseComponents("gke-monitoring-enabled"),
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        if (!serviceOk(cluster, ctx, { field: "monitoringService", current: "monitoring.googleapis.com/kubernetes", legacy: "monitoring.googleapis.com", product: "Cloud Monitoring" })) return;
        const fix = `include ${ctx.config.requiredComponents.map((m) => JSON.stringify(m)).join(", ")} in monitoringConfig.enableComponents`;
        if (readDict(ctx, cluster, "monitoringConfig", fix) === wrong) return;
        // Without monitoringConfig (or its enableComponents) GKE collects SYSTEM_COMPONENTS metrics.
        const enabled = enabledComponents(cluster, ctx, "monitoringConfig", fix);
        if (enabled === wrong || enabled === undefined) return;
        const missing = ctx.config.requiredComponents.filter((c) => !enabled.includes(c));
        if (missing.length > 0) ctx.violation("monitoringConfig.enableComponents", enabled.length === 0 ? "is empty, which turns metric collection off" : `lacks ${missing.join(", ")}`, fix);
    },
});
