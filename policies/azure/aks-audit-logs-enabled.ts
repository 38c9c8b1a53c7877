import type { PolicyResource } from "@pulumi/policy";
import { asArray, asBool, asDict, asString, azure, cisAks, stackPolicy } from "../core";

/** Log categories that carry the API server audit log. */
const auditCategories = ["kube-audit", "kube-audit-admin"];
/** Category groups that include them. */
const auditGroups = ["allLogs", "audit"].map((g) => g.toLowerCase());

/** What a DiagnosticSetting's resourceUri may hold for a cluster: its ARM ID (an output), its URN, or an ID built from its inputs. */
function clusterReferences(cluster: PolicyResource): string[] {
    const props = asDict(cluster.props) ?? {};
    const refs = [cluster.urn];
    const id = asString(props.id);
    if (id) refs.push(id);
    const group = asString(props.resourceGroupName);
    const name = asString(props.resourceName) ?? asString(props.name);
    if (group && name) refs.push(`/resourceGroups/${group}/providers/Microsoft.ContainerService/managedClusters/${name}`);
    return refs.map((r) => r.toLowerCase());
}

/** ARM IDs compare without regard to case; an ID built from inputs lacks the subscription prefix. */
function refersTo(uri: string, refs: string[]): boolean {
    const text = uri.toLowerCase().replace(/\/+$/, "");
    return refs.some((ref) => text === ref || (ref.startsWith("/resourcegroups/") && text.startsWith("/subscriptions/") && text.endsWith(ref)));
}

function enablesAudit(setting: PolicyResource): boolean {
    return asArray(asDict(setting.props)?.logs).some((entry) => {
        const log = asDict(entry);
        if (!log || asBool(log.enabled) !== true) return false;
        const category = asString(log.category)?.toLowerCase();
        const group = asString(log.categoryGroup)?.toLowerCase();
        return (category !== undefined && auditCategories.includes(category)) || (group !== undefined && auditGroups.includes(group));
    });
}

export const aksAuditLogsEnabled = stackPolicy({
    name: "aks-audit-logs-enabled",
    description:
        "Every AKS cluster in the stack has a diagnostic setting that sends its API server audit log (kube-audit or kube-audit-admin) to a destination.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "logging"],
    framework: cisAks("2.1.1", "Enable audit Logs"),
    remediationSteps:
        "Add an azure-native monitor.DiagnosticSetting (insights.DiagnosticSetting in older SDKs) with `resourceUri: cluster.id`, a " +
        'destination (`workspaceId`, `storageAccountId` or an event hub) and `logs: [{ category: "kube-audit-admin", enabled: true }]` ' +
        '(or "kube-audit", or `categoryGroup: "audit"` / "allLogs").',
    url: "https://learn.microsoft.com/azure/aks/monitor-aks#aks-control-planeresource-logs",
    appliesTo: azure.managedCluster,
    validateStack: (ctx) => {
        const settings = ctx.ofType(azure.diagnosticSetting).map((setting) => ({
            setting,
            uri: asString(asDict(setting.props)?.resourceUri),
        }));
        for (const cluster of ctx.ofType(azure.managedCluster)) {
            const refs = clusterReferences(cluster);
            const mine = settings.filter((s) => s.uri !== undefined && refersTo(s.uri, refs));
            if (mine.some((s) => enablesAudit(s.setting))) continue;
            const problem =
                mine.length === 0
                    ? "has no DiagnosticSetting whose resourceUri is this cluster, so the API server audit log is not kept"
                    : `has DiagnosticSetting ${mine.map((s) => `"${s.setting.name}"`).join(", ")}, which enables no kube-audit or kube-audit-admin log category`;
            ctx.violation(
                cluster,
                "diagnostic settings",
                problem,
                'add a DiagnosticSetting with resourceUri: cluster.id and logs: [{ category: "kube-audit-admin", enabled: true }]',
            );
        }
    },
});
