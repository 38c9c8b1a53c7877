import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksAzureRbacEnabled as policy } from "../../policies/azure/aks-azure-rbac-enabled";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

describe("aks-azure-rbac-enabled", () => {
    it("passes enableAzureRBAC: true, on the versioned token too", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, cluster());
    });

    it("flags false, absent, an absent aadProfile and wrong types", () => {
        expectOne(policy, clusterType, cluster({ aadProfile: { managed: true, enableAzureRBAC: false } }), /aadProfile\.enableAzureRBAC is false\. Fix: set aadProfile\.enableAzureRBAC: true/);
        expectOne(policy, clusterType, cluster({ aadProfile: { managed: true } }), /aadProfile\.enableAzureRBAC is absent, and AKS then does not use Azure RBAC/);
        expectOne(policy, previewClusterType, cluster({ aadProfile: undefined }), /: aadProfile is absent/);
        expectOne(policy, clusterType, cluster({ aadProfile: { managed: true, enableAzureRBAC: 1 as never } }), /enableAzureRBAC has the wrong type: expected a boolean, found number 1/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, cluster({ aadProfile: unknownValue("object") })).unknown ?? "", /aadProfile/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
