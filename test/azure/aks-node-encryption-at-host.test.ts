import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksNodeEncryptionAtHost as policy } from "../../policies/azure/aks-node-encryption-at-host";
import { checkResource } from "../harness";
import { agentPool, agentPoolType, cluster, clusterType, clusterWithPool, expectClean, expectOne, previewAgentPoolType, previewClusterType } from "./fixtures";

describe("aks-node-encryption-at-host", () => {
    it("passes encryption at host on inline pools and agent pools", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewAgentPoolType, agentPool());
    });

    it("flags false and absent on inline pools", () => {
        expectOne(policy, clusterType, clusterWithPool({ enableEncryptionAtHost: false }), /agentPoolProfiles\[0\]\.enableEncryptionAtHost is false\. Fix: set agentPoolProfiles\[0\]\.enableEncryptionAtHost: true/);
        expectOne(policy, previewClusterType, clusterWithPool({ enableEncryptionAtHost: undefined }), /agentPoolProfiles\[0\]\.enableEncryptionAtHost is absent, and AKS then leaves temp disks and disk caches unencrypted/);
    });

    it("flags false, absent and wrong types on AgentPool resources", () => {
        expectOne(policy, agentPoolType, agentPool({ enableEncryptionAtHost: false }), /^AgentPool "test": enableEncryptionAtHost is false/);
        expectOne(policy, agentPoolType, agentPool({ enableEncryptionAtHost: undefined }), /enableEncryptionAtHost is absent/);
        expectOne(policy, agentPoolType, agentPool({ enableEncryptionAtHost: 1 as never }), /enableEncryptionAtHost has the wrong type: expected a boolean, found number 1/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, cluster({ agentPoolProfiles: unknownValue("array") })).unknown ?? "", /agentPoolProfiles/);
        // An unknown in one pool defers that pool only; the others are judged.
        const mixed = checkResource(policy, clusterType, cluster({ agentPoolProfiles: [unknownValue("object"), { name: "user", enableEncryptionAtHost: false }] as never }));
        assert.match(mixed.unknown ?? "", /agentPoolProfiles\[0\] is computed from another resource/);
        assert.strictEqual(mixed.violations.length, 1);
        assert.ok(checkResource(policy, "azure-native:compute:VirtualMachineScaleSet", {}).notApplicable);
    });
});
