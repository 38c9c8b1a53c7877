import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksNodeVersionSupported as policy } from "../../policies/azure/aks-node-version-supported";
import { checkResource } from "../harness";
import { referenceDate } from "../reference-date";
import { agentPool, agentPoolType, cluster, clusterType, clusterWithPool, expectClean, expectOne, previewAgentPoolType, previewClusterType } from "./fixtures";

const at = (date: string, extra: Record<string, unknown> = {}) => ({ config: { referenceDate: date, ...extra } });
const pinned = at(referenceDate);

describe("aks-node-version-supported", () => {
    it("passes supported, newer-than-the-table and absent versions", () => {
        expectClean(policy, clusterType, cluster(), pinned);
        expectClean(policy, agentPoolType, agentPool({ orchestratorVersion: "1.31.2" }), at("2025-11-01"));
        expectClean(policy, agentPoolType, agentPool({ orchestratorVersion: "1.38" }), pinned);
        expectClean(policy, previewAgentPoolType, agentPool({ orchestratorVersion: undefined }), pinned);
        expectClean(policy, clusterType, clusterWithPool({ orchestratorVersion: null }), pinned);
    });

    it("flags a pool past the end of AKS community support, inline and as an AgentPool", () => {
        expectOne(policy, clusterType, clusterWithPool({ orchestratorVersion: "1.29.9" }), /^ManagedCluster "test": agentPoolProfiles\[0\]\.orchestratorVersion is "1\.29\.9": AKS community support for 1\.29 ended on 2025-03-31\. Fix: upgrade agentPoolProfiles\[0\]\.orchestratorVersion/, pinned);
        expectOne(policy, previewClusterType, clusterWithPool({ orchestratorVersion: "1.31" }), /1\.31 ended on 2025-11-01; paid long-term support \(supportPlan AKSLongTermSupport\) lasts until 2026-11-30/, at("2025-11-02"));
        expectOne(policy, agentPoolType, agentPool({ orchestratorVersion: "1.28" }), /^AgentPool "test": orchestratorVersion is "1\.28"/, pinned);
    });

    it("flags pools older than the table", () => {
        expectOne(policy, agentPoolType, agentPool({ orchestratorVersion: "1.19" }), /orchestratorVersion is "1\.19", older than every version in the AKS community support table/, pinned);
    });

    it("applies supportTableOverrides and referenceDate, and says when the table may be stale", () => {
        expectClean(policy, agentPoolType, agentPool({ orchestratorVersion: "1.29" }), at("2026-01-01", { supportTableOverrides: { "1.29": "2026-06-30" } }));
        expectOne(policy, agentPoolType, agentPool({ orchestratorVersion: "1.40" }), /1\.40 ended on 2030-01-01\. Fix/, at("2030-02-01", { supportTableOverrides: { "1.40": "2030-01-01" } }));
        expectOne(policy, agentPoolType, agentPool({ orchestratorVersion: "1.36" }), /may be stale: correct them with the supportTableOverrides config/, at("2036-11-30"));
        assert.throws(() => checkResource(policy, agentPoolType, agentPool(), at(referenceDate, { supportTableOverrides: { "1.36": "2027-13-01" } })), /policy "aks-node-version-supported": supportTableOverrides\["1\.36"\] is "2027-13-01"/);
    });

    it("flags wrong types and non-versions, leaves unknowns to the SDK and skips other types", () => {
        expectOne(policy, agentPoolType, agentPool({ orchestratorVersion: 1.28 as never }), /orchestratorVersion has the wrong type: expected a version string such as "1\.36", found number 1\.28/, pinned);
        expectOne(policy, clusterType, clusterWithPool({ orchestratorVersion: "latest" }), /agentPoolProfiles\[0\]\.orchestratorVersion is "latest", which is not a Kubernetes version/, pinned);
        assert.match(checkResource(policy, agentPoolType, agentPool({ orchestratorVersion: unknownValue("string") }), pinned).unknown ?? "", /orchestratorVersion/);
        assert.ok(checkResource(policy, "azure-native:monitor:DiagnosticSetting", {}).notApplicable);
    });
});
