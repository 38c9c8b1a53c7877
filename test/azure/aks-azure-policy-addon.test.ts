import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksAzurePolicyAddon as policy } from "../../policies/azure/aks-azure-policy-addon";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

describe("aks-azure-policy-addon", () => {
    it("passes the enabled add-on whatever the key's case", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, cluster({ addonProfiles: { azurePolicy: { enabled: true } } }));
    });

    it("flags a disabled add-on and names its key", () => {
        expectOne(policy, clusterType, cluster({ addonProfiles: { azurePolicy: { enabled: false } } }), /^ManagedCluster "test": addonProfiles\.azurePolicy\.enabled is false\. Fix: set addonProfiles\.azurePolicy\.enabled: true$/);
    });

    it("flags an absent add-on, on both tokens, and wrong types", () => {
        expectOne(policy, clusterType, cluster({ addonProfiles: undefined }), /addonProfiles\.azurepolicy\.enabled is absent, and AKS then does not install the Azure Policy add-on/);
        expectOne(policy, previewClusterType, cluster({ addonProfiles: {} }), /is absent/);
        expectOne(policy, clusterType, cluster({ addonProfiles: { azurepolicy: { enabled: "yes" as never } } }), /azurepolicy\.enabled has the wrong type: expected a boolean, found string "yes"/);
        expectOne(policy, clusterType, cluster({ addonProfiles: { azurepolicy: true as never } }), /addonProfiles\.azurepolicy has the wrong type: expected an add-on profile object, found boolean true/);
        expectOne(policy, clusterType, cluster({ addonProfiles: ["azurepolicy"] as never }), /addonProfiles has the wrong type: expected a map of add-on profiles/);
    });

    it("is advisory, leaves unknowns to the SDK and skips other types", () => {
        assert.strictEqual(policy.enforcementLevel, "advisory");
        assert.ok(checkResource(policy, clusterType, cluster({ addonProfiles: unknownValue("object") })).unknown);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
