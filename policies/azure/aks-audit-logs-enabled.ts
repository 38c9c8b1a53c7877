// A DiagnosticSetting names the resource it applies to in `resourceUri`, which azure-native sends as a URL
// path parameter: it is an input, never an output. AnalyzeStack sees outputs, so the link is read, in order:
// - from `resourceUri` where the props carry it (inputs, e.g. a scanned resources file);
// - from the setting's own ARM id, `<resourceUri>/providers/Microsoft.Insights/diagnosticSettings/<name>`
//   (azure-native builds the id from the request path; ARM answers with it), known at `pulumi up` and on
//   discovered state, which carries no property dependencies;
// - by property dependency on `resourceUri` in a preview, where the id of a setting still to be created, and
//   the cluster's id, are unknown.
import type { PolicyResource } from "@pulumi/policy";
import { asArray, asBool, asDict, asString, azure, cisAks, isUnknown, linksOf, nsaHardening, peek, pushTo, showName, type StackCheckContext, stackPolicy, typescriptFix, unknown } from "../core";

/** Log categories that carry the API server audit log. */
const auditCategories = ["kube-audit", "kube-audit-admin"];
/** Category groups that include them. */
const auditGroups = ["alllogs", "audit"];

const settingIdSuffix = /\/providers\/microsoft\.insights\/diagnosticsettings\/[^/]+\/*$/i;

/** The resource a setting applies to: its resourceUri, or the prefix of its own id; unknown when not known yet. */
function targetUri(setting: PolicyResource): unknown {
    const given = peek(setting.props, "resourceUri");
    if (given !== undefined) return given;
    const id = peek(setting.props, "id");
    if (isUnknown(id)) return unknown;
    const text = asString(id);
    return text && settingIdSuffix.test(text) ? text.replace(settingIdSuffix, "") : unknown;
}

/** An ID built from a cluster's inputs (resourceGroupName and resourceName): what a scanned inputs file gives. */
function idFromInputs(cluster: PolicyResource): string | undefined {
    const group = asString(peek(cluster.props, "resourceGroupName"));
    const name = asString(peek(cluster.props, "resourceName"));
    return group && name ? `/resourcegroups/${group}/providers/microsoft.containerservice/managedclusters/${name}`.toLowerCase() : undefined;
}

const subscriptionPrefix = /^\/subscriptions\/[^/]+(?=\/resourcegroups\/)/;

/**
 * The clusters whose ID built from inputs a resourceUri names. ARM IDs compare without regard to case; an
 * ID built from inputs lacks the subscription prefix.
 */
function byInputsId(clusters: readonly PolicyResource[]): (uri: unknown) => PolicyResource[] {
    const index = new Map<string, PolicyResource[]>();
    for (const cluster of clusters) {
        const built = idFromInputs(cluster);
        if (built !== undefined) pushTo(index, built, cluster);
    }
    return (uri) => {
        const text = asString(uri)?.toLowerCase().replace(/\/+$/, "");
        return text === undefined ? [] : (index.get(text) ?? index.get(text.replace(subscriptionPrefix, "")) ?? []);
    };
}

/** Whether a setting keeps the audit log: true, false, or the field that is unknown in this preview. */
function keepsAudit(setting: PolicyResource): boolean | string {
    const logs = peek(setting.props, "logs");
    if (isUnknown(logs)) return "logs";
    let unknownField: string | undefined;
    for (let i = 0; i < asArray(logs).length; i++) {
        const entry = peek(logs, i);
        const verdict = isUnknown(entry) ? "" : entryKeepsAudit(entry);
        if (verdict === true) return true;
        if (typeof verdict === "string") unknownField ??= `logs[${i}]${verdict ? `.${verdict}` : ""}`;
    }
    return unknownField ?? false;
}

/** One `logs` entry: true, false, or its field that is unknown. */
function entryKeepsAudit(entry: unknown): boolean | string {
    const log = asDict(entry);
    if (!log) return false;
    const enabled = peek(log, "enabled");
    // An entry names a category or a category group, never both; a preview reports the one left out as unknown.
    const category = peek(log, "category");
    const field = category !== undefined ? "category" : "categoryGroup";
    const named = category !== undefined ? category : peek(log, "categoryGroup");
    if (!isUnknown(enabled) && asBool(enabled) !== true) return false;
    if (!isUnknown(named) && !isAudit(named, field)) return false;
    if (isUnknown(enabled)) return "enabled";
    return isUnknown(named) ? field : true;
}

function isAudit(value: unknown, field: "category" | "categoryGroup"): boolean {
    const text = asString(value)?.toLowerCase();
    return text !== undefined && (field === "category" ? auditCategories : auditGroups).includes(text);
}

interface Setting {
    setting: PolicyResource;
    /** The clusters it applies to, by value or by property dependency. */
    clusters: PolicyResource[];
    /** True when its resourceUri is unknown and no dependency tells the cluster. */
    undecided: boolean;
    audit: boolean | string;
}

function settingsOf(ctx: StackCheckContext<unknown>): Setting[] {
    const namedByInputs = byInputsId(ctx.ofType(azure.managedCluster));
    return ctx.ofType(azure.diagnosticSetting).map((setting) => {
        const uri = targetUri(setting);
        const linked = linksOf(ctx.resources, setting, { property: "resourceUri", values: [uri], types: azure.managedCluster, fields: ["id"], ignoreCase: true }).map((l) => l.target);
        const byInputs = linked.length === 0 ? namedByInputs(uri) : [];
        return { setting, clusters: [...linked, ...byInputs], undecided: isUnknown(uri) && linked.length === 0, audit: keepsAudit(setting) };
    });
}

export const aksAuditLogsEnabled = stackPolicy({
    name: "aks-audit-logs-enabled",
    displayName: "AKS audit logs collected",
    description:
        "Every AKS cluster in the stack has a diagnostic setting that sends its API server audit log (kube-audit or kube-audit-admin) to a destination.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "logging"],
    framework: cisAks("2.1.1", "Enable audit Logs"),
    alsoCites: [
        nsaHardening("Audit Logging and Threat Detection", "Logging"),
    ],
    why: "Without the kube-audit log there is no record of who did what through the API server, so misuse goes unseen.",
    fixExample: typescriptFix(`
        new azure_native.monitor.DiagnosticSetting("prod-audit", {
            resourceUri: cluster.id,
            workspaceId: workspace.id,
            logs: [{ category: "kube-audit-admin", enabled: true }],
        });
    `),
    remediationSteps:
        "Add an azure-native monitor.DiagnosticSetting (insights.DiagnosticSetting in older SDKs) with `resourceUri: cluster.id`, a " +
        'destination (`workspaceId`, `storageAccountId` or an event hub) and `logs: [{ category: "kube-audit-admin", enabled: true }]` ' +
        '(or "kube-audit", or `categoryGroup: "audit"` / "allLogs").',
    url: "https://learn.microsoft.com/azure/aks/monitor-aks#aks-control-planeresource-logs",
    appliesTo: azure.managedCluster,
    validateStack: (ctx) => {
        const settings = settingsOf(ctx);
        const settingsByCluster = new Map<PolicyResource, Setting[]>();
        for (const s of settings) for (const c of new Set(s.clusters)) pushTo(settingsByCluster, c, s);
        for (const cluster of ctx.ofType(azure.managedCluster)) {
            const mine = settingsByCluster.get(cluster) ?? [];
            if (mine.some((s) => s.audit === true)) continue;
            const pending = mine.find((s) => typeof s.audit === "string");
            if (pending) {
                ctx.defer(pending.setting, pending.audit as string);
                continue;
            }
            // A setting whose target is not known yet may be this cluster's.
            const elsewhere = settings.find((s) => s.undecided && s.audit !== false);
            if (elsewhere) {
                ctx.defer(elsewhere.setting, "resourceUri", "is computed from another resource, so the cluster it applies to is not known yet");
                continue;
            }
            const problem =
                mine.length === 0
                    ? "has no DiagnosticSetting whose resourceUri is this cluster, so the API server audit log is not kept"
                    : `has DiagnosticSetting ${mine.map((s) => `"${showName(s.setting.name)}"`).join(", ")}, which enables no kube-audit or kube-audit-admin log category`;
            ctx.violation(
                cluster,
                "diagnostic settings",
                problem,
                'add a DiagnosticSetting with resourceUri: cluster.id and logs: [{ category: "kube-audit-admin", enabled: true }]',
            );
        }
    },
});
