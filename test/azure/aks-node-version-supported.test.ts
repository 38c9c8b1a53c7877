import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksNodeVersionSupported as policy } from "../../policies/azure/aks-node-version-supported";
import { checkResource } from "../harness";
import { agentPool, agentPoolType, cluster, clusterType, clusterWithPool, expectClean, expectOne, previewAgentPoolType, previewClusterType } from "./fixtures";

const at = (referenceDate: string, extra: Record<string, unknown> = {}) => ({ config: { referenceDate, ...extra } });

describe("aks-node-version-supported", () => {
    it("passes supported, unknown-to-the-table and absent versions", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, agentPoolType, agentPool({ orchestratorVersion: "1.31.2" }), at("2025-11-30"));
        expectClean(policy, previewAgentPoolType, agentPool({ orchestratorVersion: undefined }));
        expectClean(policy, clusterType, clusterWithPool({ orchestratorVersion: "latest" }));
    });

    it("flags a pool past the end of AKS support, inline and as an AgentPool", () => {
        expectOne(policy, clusterType, clusterWithPool({ orchestratorVersion: "1.29.9" }), /^ManagedCluster "test": agentPoolProfiles\[0\]\.orchestratorVersion is "1\.29\.9": AKS support for 1\.29 ended on 2025-03-31/);
        expectOne(policy, previewClusterType, clusterWithPool({ orchestratorVersion: "1.31" }), /1\.31 ended on 2025-11-30/, at("2025-12-01"));
        expectOne(policy, agentPoolType, agentPool({ orchestratorVersion: "1.28" }), /^AgentPool "test": orchestratorVersion is "1\.28"/);
    });

    it("applies supportTableOverrides and referenceDate", () => {
        expectClean(policy, agentPoolType, agentPool({ orchestratorVersion: "1.29" }), at("2026-01-01", { supportTableOverrides: { "1.29": "2026-06-30" } }));
        expectOne(policy, agentPoolType, agentPool({ orchestratorVersion: "1.40" }), /1\.40 ended on 2030-01-01/, at("2030-02-01", { supportTableOverrides: { "1.40": "2030-01-01" } }));
    });

    it("flags wrong types, leaves unknowns to the SDK and skips other types", () => {
        expectOne(policy, agentPoolType, agentPool({ orchestratorVersion: 1.28 as never }), /orchestratorVersion has the wrong type: expected a version string such as "1\.33", found number 1\.28/);
        assert.match(checkResource(policy, agentPoolType, agentPool({ orchestratorVersion: unknownValue("string") })).unknown ?? "", /orchestratorVersion/);
        assert.ok(checkResource(policy, "azure-native:monitor:DiagnosticSetting", {}).notApplicable);
    });
});
