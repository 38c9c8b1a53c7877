import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksAadManaged as policy } from "../../policies/azure/aks-aad-managed";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

describe("aks-aad-managed", () => {
    it("passes AKS-managed Entra ID, on the versioned token too", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, cluster());
    });

    it("flags the legacy integration (managed: false) and an absent managed flag", () => {
        expectOne(policy, clusterType, cluster({ aadProfile: { managed: false, serverAppID: "x", clientAppID: "y" } }), /aadProfile\.managed is false \(the deprecated legacy Entra ID integration\)/);
        expectOne(policy, clusterType, cluster({ aadProfile: { enableAzureRBAC: true } }), /aadProfile\.managed is absent/);
    });

    it("flags an absent aadProfile and a wrong type", () => {
        expectOne(policy, previewClusterType, cluster({ aadProfile: undefined }), /^ManagedCluster "test": aadProfile is absent, and AKS then has no Entra ID integration/);
        expectOne(policy, clusterType, cluster({ aadProfile: ["managed"] as never }), /^ManagedCluster "test": aadProfile has the wrong type: expected an object, found array \["managed"\]/);
        expectOne(policy, clusterType, cluster({ aadProfile: { managed: "yes" as never } }), /aadProfile\.managed has the wrong type: expected a boolean, found string "yes"/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, cluster({ aadProfile: { managed: unknownValue<boolean>("bool") } })).unknown ?? "", /managed/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
