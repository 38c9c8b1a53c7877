import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksNodeSshDisabled as policy } from "../../policies/azure/aks-node-ssh-disabled";
import { checkResource } from "../harness";
import { agentPool, agentPoolType, cluster, clusterType, clusterWithPool, expectClean, expectOne, previewAgentPoolType, previewClusterType } from "./fixtures";

describe("aks-node-ssh-disabled", () => {
    it('passes sshAccess "Disabled" on inline pools and agent pools', () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewAgentPoolType, agentPool());
    });

    it("flags LocalUser and an absent setting", () => {
        expectOne(policy, clusterType, clusterWithPool({ securityProfile: { sshAccess: "LocalUser" } }), /agentPoolProfiles\[0\]\.securityProfile\.sshAccess is "LocalUser"\. Fix: set agentPoolProfiles\[0\]\.securityProfile\.sshAccess: "Disabled"/);
        expectOne(policy, previewClusterType, clusterWithPool({ securityProfile: undefined }), /sshAccess is absent, and AKS then allows SSH as a local user/);
        expectOne(policy, agentPoolType, agentPool({ securityProfile: { enableSecureBoot: true } }), /^AgentPool "test": securityProfile\.sshAccess is absent/);
        expectOne(policy, agentPoolType, agentPool({ securityProfile: "Disabled" as never }), /^AgentPool "test": securityProfile has the wrong type: expected an object, found string "Disabled"/);
        expectOne(policy, clusterType, clusterWithPool({ securityProfile: { sshAccess: false } }), /agentPoolProfiles\[0\]\.securityProfile\.sshAccess has the wrong type: expected "Disabled", found boolean false/);
    });

    it("does not check Windows pools", () => {
        expectClean(policy, agentPoolType, agentPool({ osType: "Windows", securityProfile: undefined }));
        expectClean(policy, clusterType, clusterWithPool({ osType: "Windows", securityProfile: { sshAccess: "LocalUser" } }));
    });

    it("is advisory, leaves unknowns to the SDK and skips other types", () => {
        assert.strictEqual(policy.enforcementLevel, "advisory");
        assert.match(checkResource(policy, agentPoolType, agentPool({ securityProfile: { sshAccess: unknownValue("string") } })).unknown ?? "", /sshAccess/);
        assert.ok(checkResource(policy, "azure-native:monitor:DiagnosticSetting", {}).notApplicable);
    });
});
