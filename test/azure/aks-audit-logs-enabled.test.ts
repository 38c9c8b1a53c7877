import type { DiagnosticSettingArgs } from "@pulumi/azure-native/monitor/diagnosticSetting";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksAuditLogsEnabled as policy } from "../../policies/azure/aks-audit-logs-enabled";
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
/** The cluster as AnalyzeStack sees it: outputs, with its ARM id. */
const clusterOut = (type = clusterType): StackResourceInput => ({ type, name: "aks-prod", urn: clusterUrn, props: { ...hardenedCluster, id: clusterId } });
const setting = (patch: Partial<DiagnosticSettingArgs> = {}, type = diagnosticSettingType, name = "aks-audit"): StackResourceInput => ({
    type,
    name,
    props: { ...hardenedDiagnosticSetting, ...patch },
});
const pool: StackResourceInput = { type: agentPoolType, name: "apps", props: hardenedAgentPool };

function messages(resources: StackResourceInput[], config?: Record<string, unknown>): string[] {
    const r = checkStack(policy, resources, { config });
    assert.strictEqual(r.unknown, undefined);
    assert.strictEqual(r.notApplicable, undefined);
    return r.violations.map((v) => v.message);
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

    it("is not applicable to a stack without clusters, and leaves unknowns to the SDK", () => {
        assert.ok(checkStack(policy, [pool, setting()]).notApplicable);
        assert.ok(checkStack(policy, [clusterOut(), setting({ resourceUri: unknownValue("string") })]).unknown);
    });
});
