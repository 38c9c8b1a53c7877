import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksNodeTrustedLaunch as policy } from "../../policies/azure/aks-node-trusted-launch";
import { checkResource } from "../harness";
import { agentPool, agentPoolType, cluster, clusterType, clusterWithPool, expectClean, expectOne, previewAgentPoolType, previewClusterType, violations } from "./fixtures";

describe("aks-node-trusted-launch", () => {
    it("passes Secure Boot and vTPM on inline pools and agent pools", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewAgentPoolType, agentPool());
    });

    it("flags Secure Boot and vTPM separately", () => {
        expectOne(policy, clusterType, clusterWithPool({ securityProfile: { sshAccess: "Disabled", enableSecureBoot: false, enableVTPM: true } }), /agentPoolProfiles\[0\]\.securityProfile\.enableSecureBoot is false/);
        expectOne(policy, agentPoolType, agentPool({ securityProfile: { sshAccess: "Disabled", enableSecureBoot: true } }), /^AgentPool "test": securityProfile\.enableVTPM is absent, and AKS then launches nodes without it/);
    });

    it("flags both when securityProfile is absent or of the wrong type", () => {
        assert.strictEqual(violations(policy, previewClusterType, clusterWithPool({ securityProfile: undefined })).length, 2);
        assert.strictEqual(violations(policy, agentPoolType, agentPool({ securityProfile: [] as never })).length, 2);
        assert.match(violations(policy, agentPoolType, agentPool({ securityProfile: [] as never }))[0], /securityProfile has the wrong type: expected an object, found array/);
    });

    it("is advisory, leaves unknowns to the SDK and skips other types", () => {
        assert.strictEqual(policy.enforcementLevel, "advisory");
        // An unknown Secure Boot flag defers only itself: the vTPM is still judged.
        const r = checkResource(policy, agentPoolType, agentPool({ securityProfile: { enableSecureBoot: unknownValue<boolean>("bool"), enableVTPM: false } }));
        assert.match(r.unknown ?? "", /securityProfile\.enableSecureBoot is computed from another resource/);
        assert.deepStrictEqual(r.violations.map((v) => v.split(" ")[2]), ["securityProfile.enableVTPM"]);
        assert.ok(checkResource(policy, "azure-native:monitor:DiagnosticSetting", {}).notApplicable);
    });
});
