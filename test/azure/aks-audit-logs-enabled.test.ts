import type { DiagnosticSettingArgs } from "@pulumi/azure-native/monitor/diagnosticSetting";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksAuditLogsEnabled as policy } from "../../policies/azure/aks-audit-logs-enabled";
import { captureProgram, type CapturedResource, type Mode } from "../capture";
import { azureNativeModel } from "../capture/providers/azure-native";
import { checkStack, type StackResourceInput } from "../harness";
import {
    agentPoolType,
    clusterId,
    clusterType,
    diagnosticSettingType,
    hardenedAgentPool,
    hardenedCluster,
    hardenedDiagnosticSetting,
    legacyDiagnosticSettingType,
    previewClusterType,
} from "./fixtures";

const clusterUrn = "urn:pulumi:prod::aks::azure-native:containerservice:ManagedCluster::aks-prod";
const settingUrn = "urn:pulumi:prod::aks::azure-native:monitor:DiagnosticSetting::aks-audit";
/** The cluster as AnalyzeStack sees it: outputs, with its ARM id. */
const clusterOut = (type = clusterType): StackResourceInput => ({ type, name: "aks-prod", urn: clusterUrn, props: { ...hardenedCluster, id: clusterId } });
const setting = (patch: Partial<DiagnosticSettingArgs> = {}, type = diagnosticSettingType, name = "aks-audit"): StackResourceInput => ({
    type,
    name,
    props: { ...hardenedDiagnosticSetting, ...patch },
});
/** A setting as azure-native returns it: no resourceUri (a path parameter), its own ARM id under the cluster's. */
const settingOut = (id: unknown, patch: Record<string, unknown> = {}): StackResourceInput => {
    const { resourceUri, ...body } = hardenedDiagnosticSetting;
    void resourceUri;
    return { type: diagnosticSettingType, name: "aks-audit", urn: settingUrn, props: { ...body, name: "aks-audit", id, ...patch } };
};
const pool: StackResourceInput = { type: agentPoolType, name: "apps", props: hardenedAgentPool };

function messages(resources: StackResourceInput[], config?: Record<string, unknown>, dryRun = true): string[] {
    const r = checkStack(policy, resources, { config, dryRun });
    assert.strictEqual(r.unknown, undefined, r.unknown);
    assert.strictEqual(r.notApplicable, undefined);
    return r.violations.map((v) => v.message);
}

/** A captured program's resources as AnalyzeStack gets them in one mode: outputs, with the dependencies. */
function stackOf(resources: CapturedResource[], withDependencies = true): StackResourceInput[] {
    return resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: r.outputs,
        ...(withDependencies ? { dependencies: r.dependencies, propertyDependencies: r.propertyDependencies } : {}),
    }));
}

describe("aks-audit-logs-enabled", () => {
    it("passes a cluster whose diagnostic setting sends kube-audit-admin", () => {
        assert.deepStrictEqual(messages([clusterOut(), pool, setting()]), []);
    });

    it("matches the cluster id without regard to case, its URN, and an id built from its inputs", () => {
        assert.deepStrictEqual(messages([clusterOut(), setting({ resourceUri: clusterId.toUpperCase() })]), []);
        assert.deepStrictEqual(messages([clusterOut(), setting({ resourceUri: clusterUrn })]), []);
        const inputsOnly: StackResourceInput = { type: clusterType, name: "aks-prod", props: hardenedCluster };
        assert.deepStrictEqual(messages([inputsOnly, setting()]), []);
    });

    it("links by the setting's own id when its outputs carry no resourceUri (pulumi up, stack state)", () => {
        // ARM's spelling (createOrUpdateDiagnosticSetting.json): the resource URI lower-cased, then this suffix.
        const armId = `${clusterId.toLowerCase()}/providers/microsoft.insights/diagnosticSettings/aks-audit`;
        assert.deepStrictEqual(messages([clusterOut(), settingOut(armId)], undefined, false), []);
        // The same setting under another cluster does not count for this one.
        assert.strictEqual(messages([clusterOut(), settingOut(armId.replace("aks-prod", "aks-other"))], undefined, false).length, 1);
    });

    it("links by property dependency in a first preview, where both ids are unknown", () => {
        const cluster = { ...clusterOut(), props: { ...hardenedCluster, id: unknownValue("string") } };
        const linked = { ...settingOut(unknownValue("string")), propertyDependencies: { resourceUri: [clusterUrn] } };
        assert.deepStrictEqual(messages([cluster, linked]), []);
        const withoutAudit = { ...linked, props: { ...linked.props, logs: [{ category: "guard", enabled: true, categoryGroup: unknownValue("string") }] } };
        // An entry names a category or a group: the unknown group of a "guard" entry is the preview's placeholder, not a maybe.
        assert.match(messages([cluster, withoutAudit])[0], /has DiagnosticSetting "aks-audit", which enables no kube-audit or kube-audit-admin log category/);
    });

    it("defers, naming the setting and field, what a preview cannot tell", () => {
        const cluster = { ...clusterOut(), props: { ...hardenedCluster, id: unknownValue("string") } };
        // Which cluster a setting covers, when neither its value nor a dependency says.
        const unlinked = checkStack(policy, [cluster, settingOut(unknownValue("string"))]);
        assert.deepStrictEqual(unlinked.violations, []);
        assert.match(unlinked.unknown ?? "", /DiagnosticSetting "aks-audit": resourceUri is computed from another resource, so the cluster it applies to is not known yet/);
        // Which categories a linked setting keeps.
        const logs = checkStack(policy, [cluster, { ...settingOut(unknownValue("string"), { logs: unknownValue("array") }), propertyDependencies: { resourceUri: [clusterUrn] } }]);
        assert.match(logs.unknown ?? "", /DiagnosticSetting "aks-audit": logs is computed from another resource/);
        const enabled = checkStack(policy, [clusterOut(), setting({ logs: [{ category: "kube-audit", enabled: unknownValue<boolean>("bool") }] })]);
        assert.match(enabled.unknown ?? "", /logs\[0\]\.enabled is computed from another resource/);
        const entry = checkStack(policy, [clusterOut(), setting({ logs: [{ category: "guard", enabled: true }, unknownValue("object")] })]);
        assert.match(entry.unknown ?? "", /DiagnosticSetting "aks-audit": logs\[1\] is computed from another resource/);
        // A setting known to keep no audit log does not hold the verdict back.
        const noAudit = checkStack(policy, [cluster, settingOut(unknownValue("string"), { logs: [{ category: "guard", enabled: true }] })]);
        assert.strictEqual(noAudit.unknown, undefined);
        assert.strictEqual(noAudit.violations.length, 1);
    });

    it("accepts kube-audit and the audit and allLogs category groups", () => {
        for (const logs of [[{ category: "kube-audit", enabled: true }], [{ categoryGroup: "audit", enabled: true }], [{ categoryGroup: "allLogs", enabled: true }]]) {
            assert.deepStrictEqual(messages([clusterOut(), setting({ logs })]), [], JSON.stringify(logs));
        }
    });

    it("matches the monitor token, its insights alias and versioned tokens", () => {
        assert.deepStrictEqual(messages([clusterOut(previewClusterType), setting({}, legacyDiagnosticSettingType)]), []);
        assert.deepStrictEqual(messages([clusterOut(), setting({}, "azure-native:monitor/v20210501preview:DiagnosticSetting")]), []);
    });

    it("flags a cluster without any diagnostic setting, or with one for another resource", () => {
        const [m] = messages([clusterOut(), pool]);
        assert.match(m, /^ManagedCluster "aks-prod": diagnostic settings has no DiagnosticSetting whose resourceUri is this cluster, so the API server audit log is not kept\. Fix: add a DiagnosticSetting with resourceUri: cluster\.id/);
        assert.strictEqual(messages([clusterOut(), setting({ resourceUri: clusterId.replace("aks-prod", "aks-other") })]).length, 1);
        assert.strictEqual(messages([clusterOut(previewClusterType), setting({ resourceUri: `${clusterId}/agentPools/apps` })]).length, 1);
    });

    it("flags a setting that leaves the audit categories out or disabled", () => {
        const [m] = messages([clusterOut(), setting({ logs: [{ category: "kube-apiserver", enabled: true }, { category: "kube-audit", enabled: false }] })]);
        assert.match(m, /has DiagnosticSetting "aks-audit", which enables no kube-audit or kube-audit-admin log category/);
        assert.strictEqual(messages([clusterOut(), setting({ logs: undefined })]).length, 1);
        assert.strictEqual(messages([clusterOut(), setting({ logs: "kube-audit" as never })]).length, 1);
        assert.strictEqual(messages([clusterOut(), setting({ logs: [{ categoryGroup: "metrics" as string, enabled: true }] })]).length, 1);
    });

    it("judges each cluster on its own and reports on the cluster's URN", () => {
        const other: StackResourceInput = { type: clusterType, name: "aks-dev", props: { ...hardenedCluster, resourceName: "aks-dev", id: clusterId.replace("aks-prod", "aks-dev") } };
        const r = checkStack(policy, [clusterOut(), other, setting()]);
        assert.deepStrictEqual(r.violations.map((v) => v.urn), ["urn:pulumi:test::test::azure-native:containerservice:ManagedCluster::aks-dev"]);
    });

    it("honours exemptions by name and by tag", () => {
        assert.deepStrictEqual(messages([clusterOut()], { excludeResourceNames: ["aks-*"] }), []);
        const tagged: StackResourceInput = { ...clusterOut(), props: { ...hardenedCluster, tags: { "clusterguard-exempt-aks-audit-logs-enabled": "audit goes to Splunk" } } };
        assert.deepStrictEqual(messages([tagged]), []);
    });

    it("is not applicable to a stack without clusters", () => {
        assert.ok(checkStack(policy, [pool, setting()]).notApplicable);
    });

    describe("on the hardened program's outputs (its DiagnosticSetting follows the remediation: resourceUri: cluster.id)", () => {
        const modes: [Mode, boolean][] = [
            ["preview", true],
            ["up", false],
        ];
        for (const [mode, dryRun] of modes) {
            it(`passes in ${mode}, and fails without the setting`, async () => {
                const resources = (await captureProgram("azure/aks-hardened"))[mode];
                const setting = resources.find((r) => r.type.endsWith(":DiagnosticSetting"))!;
                assert.strictEqual(setting.outputs.resourceUri, undefined, "resourceUri is a path parameter, not an output");
                assert.deepStrictEqual(messages(stackOf(resources), undefined, dryRun), []);
                const without = messages(stackOf(resources.filter((r) => r !== setting)), undefined, dryRun);
                assert.strictEqual(without.length, 1);
                assert.match(without[0], /has no DiagnosticSetting whose resourceUri is this cluster/);
            });
        }

        it("passes on state, which carries no property dependencies: the setting's id names the cluster", async () => {
            const resources = (await captureProgram("azure/aks-hardened")).up;
            assert.deepStrictEqual(messages(stackOf(resources, false), undefined, false), []);
        });

        it("the model's setting id is the request path azure-native builds: <resourceUri>/providers/microsoft.insights/diagnosticSettings/<name>", () => {
            const answer = azureNativeModel.answer(
                { type: diagnosticSettingType, name: "s", urn: settingUrn, inputs: { resourceUri: `${clusterId}/`, name: "audit", logs: [] }, custom: true },
                "up",
            );
            assert.strictEqual(answer.outputs.id, `${clusterId.toLowerCase()}/providers/microsoft.insights/diagnosticSettings/audit`);
            assert.strictEqual(answer.outputs.resourceUri, undefined);
        });
    });
});
