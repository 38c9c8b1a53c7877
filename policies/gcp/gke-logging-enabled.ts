import { asDict, asString, asStrings, cisGke, gcp, resourcePolicy } from "../core";
import { type ComponentsConfig, componentsSchema, parseComponents } from "./gke-components";
import type { ClusterProps } from "./gke-nodes";

// Without loggingConfig GKE logs SYSTEM_COMPONENTS and WORKLOADS only: the API server is not logged.
const defaultComponents = ["SYSTEM_COMPONENTS", "WORKLOADS"];

export const gkeLoggingEnabled = resourcePolicy<ClusterProps, ComponentsConfig>({
    name: "gke-logging-enabled",
    description: "Cloud Logging is on and collects system components, API server and workload logs.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "logging"],
    framework: cisGke("5.7.1", "Ensure Logging and Cloud Monitoring is Enabled"),
    remediationSteps:
        "On the gcp.container.Cluster keep `loggingService` at \"logging.googleapis.com/kubernetes\" (never \"none\") and set " +
        "`loggingConfig: { enableComponents: [\"SYSTEM_COMPONENTS\", \"APISERVER\", \"WORKLOADS\"] }`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/config-logging",
    configSchema: componentsSchema(["SYSTEM_COMPONENTS", "APISERVER", "WORKLOADS"], "loggingConfig"),
    parseConfig: parseComponents("gke-logging-enabled"),
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        if (asString(cluster.loggingService)?.trim().toLowerCase() === "none") {
            ctx.violation("loggingService", "is \"none\", which turns Cloud Logging off", "set loggingService: \"logging.googleapis.com/kubernetes\"");
            return;
        }
        const config = asDict(cluster.loggingConfig);
        const enabled = config ? asStrings(config.enableComponents).map((c) => c.toUpperCase()) : defaultComponents;
        const missing = ctx.config.requiredComponents.filter((c) => !enabled.includes(c));
        if (missing.length === 0) return;
        ctx.violation(
            "loggingConfig.enableComponents",
            config
                ? `lacks ${missing.join(", ")}`
                : `is absent, and GKE then logs only ${defaultComponents.join(" and ")}, not ${missing.join(", ")}`,
            `set loggingConfig: { enableComponents: ${JSON.stringify(ctx.config.requiredComponents)} }`,
        );
    },
});
