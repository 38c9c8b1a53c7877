import { asDict, asString, asStrings, cisGke, gcp, resourcePolicy } from "../core";
import { type ComponentsConfig, componentsSchema, parseComponents } from "./gke-components";
import type { ClusterProps } from "./gke-nodes";

export const gkeMonitoringEnabled = resourcePolicy<ClusterProps, ComponentsConfig>({
    name: "gke-monitoring-enabled",
    description: "Cloud Monitoring is on and collects system component metrics.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "logging"],
    framework: cisGke("5.7.1", "Ensure Logging and Cloud Monitoring is Enabled"),
    remediationSteps:
        "On the gcp.container.Cluster keep `monitoringService` at \"monitoring.googleapis.com/kubernetes\" (never \"none\") " +
        "and, when setting `monitoringConfig.enableComponents`, include \"SYSTEM_COMPONENTS\".",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/configure-metrics",
    configSchema: componentsSchema(["SYSTEM_COMPONENTS"], "monitoringConfig"),
    parseConfig: parseComponents("gke-monitoring-enabled"),
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        if (asString(cluster.monitoringService)?.trim().toLowerCase() === "none") {
            ctx.violation("monitoringService", "is \"none\", which turns Cloud Monitoring off", "set monitoringService: \"monitoring.googleapis.com/kubernetes\"");
            return;
        }
        // Without monitoringConfig (or its enableComponents) GKE collects SYSTEM_COMPONENTS metrics.
        const config = asDict(cluster.monitoringConfig);
        if (!config || config.enableComponents === undefined) return;
        const enabled = asStrings(config.enableComponents).map((c) => c.toUpperCase());
        const missing = ctx.config.requiredComponents.filter((c) => !enabled.includes(c));
        if (missing.length > 0) {
            ctx.violation("monitoringConfig.enableComponents", `lacks ${missing.join(", ")}`, `include ${missing.map((m) => JSON.stringify(m)).join(", ")}`);
        }
    },
});
