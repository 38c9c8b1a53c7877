import { cisGke, gcp, resourcePolicy } from "../core";
import { type ComponentsConfig, componentsSchema, enabledComponents, parseComponents, serviceOk } from "./gke-components";
import type { ClusterProps } from "./gke-nodes";
import { readDict, wrong } from "./gke-values";

// Without loggingConfig GKE logs SYSTEM_COMPONENTS and WORKLOADS, the baseline CIS GKE 5.7.1 asks for.
// API server audit logs are Cloud Audit Logs, written whatever loggingConfig says; the APISERVER component
// adds the API server's own (non-audit) logs, so it is a setting, not the default.
const defaultComponents = ["SYSTEM_COMPONENTS", "WORKLOADS"];

export const gkeLoggingEnabled = resourcePolicy<ClusterProps, ComponentsConfig>({
    name: "gke-logging-enabled",
    description:
        "Cloud Logging for GKE is on (not off, not the decommissioned legacy integration) and collects system-component " +
        "and workload logs; further components such as APISERVER by setting. API server audit logs are Cloud Audit Logs, always on.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "logging"],
    framework: cisGke("5.7.1", "Ensure Logging and Cloud Monitoring is Enabled"),
    remediationSteps:
        "On the gcp.container.Cluster leave `loggingService` unset (or set \"logging.googleapis.com/kubernetes\"; never \"none\" " +
        "or the legacy \"logging.googleapis.com\") and leave `loggingConfig` unset, or set " +
        "`loggingConfig: { enableComponents: [\"SYSTEM_COMPONENTS\", \"WORKLOADS\"] }` plus any components the " +
        "`requiredComponents` setting adds (e.g. \"APISERVER\").",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/config-logging",
    configSchema: componentsSchema(defaultComponents, "loggingConfig", "Add e.g. APISERVER, SCHEDULER or CONTROLLER_MANAGER to require control-plane logs."),
    parseConfig: parseComponents("gke-logging-enabled"),
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        if (!serviceOk(cluster, ctx, { field: "loggingService", current: "logging.googleapis.com/kubernetes", legacy: "logging.googleapis.com", product: "Cloud Logging" })) return;
        const fix = `set loggingConfig: { enableComponents: ${JSON.stringify(ctx.config.requiredComponents)} }`;
        if (readDict(ctx, cluster, "loggingConfig", fix) === wrong) return;
        const listed = enabledComponents(cluster, ctx, "loggingConfig", fix);
        if (listed === wrong) return;
        const enabled = listed ?? defaultComponents;
        const missing = ctx.config.requiredComponents.filter((c) => !enabled.includes(c));
        if (missing.length === 0) return;
        ctx.violation(
            "loggingConfig.enableComponents",
            listed === undefined
                ? `is absent, and GKE then logs only ${defaultComponents.join(" and ")}, not ${missing.join(", ")}`
                : listed.length === 0
                  ? "is empty, which turns component logging off"
                  : `lacks ${missing.join(", ")}`,
            fix,
        );
    },
});
