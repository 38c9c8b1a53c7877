import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksNodeNoPublicIp as policy } from "../../policies/azure/aks-node-no-public-ip";
import { checkResource } from "../harness";
import { agentPool, agentPoolType, cluster, clusterType, clusterWithPool, expectClean, expectOne, hardenedPool, previewAgentPoolType, previewClusterType, violations } from "./fixtures";

describe("aks-node-no-public-ip", () => {
    it("passes hardened inline pools and agent pools, and an absent field", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, agentPoolType, agentPool());
        expectClean(policy, previewAgentPoolType, agentPool({ enableNodePublicIP: undefined }));
        expectClean(policy, clusterType, clusterWithPool({ enableNodePublicIP: undefined }));
    });

    it("flags enableNodePublicIP: true on an inline pool, with its index", () => {
        expectOne(policy, clusterType, clusterWithPool({ enableNodePublicIP: true }), /^ManagedCluster "test": agentPoolProfiles\[0\]\.enableNodePublicIP is true, so every node gets a public IP\. Fix: set agentPoolProfiles\[0\]\.enableNodePublicIP: false$/);
        const two = cluster({ agentPoolProfiles: [hardenedPool, { ...hardenedPool, name: "user", enableNodePublicIP: true }] });
        expectOne(policy, previewClusterType, two, /agentPoolProfiles\[1\]\.enableNodePublicIP/);
    });

    it("flags enableNodePublicIP: true on an AgentPool resource, on both tokens", () => {
        expectOne(policy, agentPoolType, agentPool({ enableNodePublicIP: true }), /^AgentPool "test": enableNodePublicIP is true/);
        expectOne(policy, previewAgentPoolType, agentPool({ enableNodePublicIP: "true" as never }), /enableNodePublicIP is "true"/);
    });

    it("passes a cluster without inline pools, and flags pool entries and values of the wrong type", () => {
        expectClean(policy, clusterType, cluster({ agentPoolProfiles: undefined }));
        assert.deepStrictEqual(
            violations(policy, clusterType, cluster({ agentPoolProfiles: ["x", 3] as never })).map((v) => v.split(" has ")[0]),
            ['ManagedCluster "test": agentPoolProfiles[0]', 'ManagedCluster "test": agentPoolProfiles[1]'],
        );
        expectOne(policy, clusterType, cluster({ agentPoolProfiles: { name: "system" } as never }), /agentPoolProfiles has the wrong type: expected a list of agent pool profiles/);
        expectOne(policy, agentPoolType, agentPool({ enableNodePublicIP: 1 as never }), /enableNodePublicIP has the wrong type: expected a boolean, found number 1/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, agentPoolType, agentPool({ enableNodePublicIP: unknownValue<boolean>("bool") })).unknown ?? "", /enableNodePublicIP/);
        assert.ok(checkResource(policy, "azure-native:monitor:DiagnosticSetting", {}).notApplicable);
    });
});
