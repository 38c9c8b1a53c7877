import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksManagedIdentity as policy } from "../../policies/azure/aks-managed-identity";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType, violations } from "./fixtures";

describe("aks-managed-identity", () => {
    it("passes system- and user-assigned identities, and the msi placeholder principal", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, cluster({ identity: { type: "UserAssigned", userAssignedIdentities: ["/subscriptions/0/id"] } }));
        expectClean(policy, clusterType, cluster({ servicePrincipalProfile: { clientId: "msi" } }));
    });

    it("flags identity type None, an absent type, and an absent identity", () => {
        expectOne(policy, clusterType, cluster({ identity: { type: "None" } }), /identity\.type is "None", which is not a managed identity/);
        expectOne(policy, clusterType, cluster({ identity: {} }), /identity\.type is absent/);
        expectOne(policy, previewClusterType, cluster({ identity: undefined }), /^ManagedCluster "test": identity is absent, and AKS then authenticates with the service principal/);
    });

    it("flags a service principal, with or without an identity", () => {
        const both = violations(policy, clusterType, cluster({ identity: undefined, servicePrincipalProfile: { clientId: "app-id", secret: "s" } }));
        assert.strictEqual(both.length, 2);
        assert.match(both[1], /servicePrincipalProfile is set \(clientId "app-id"\): the cluster uses a service principal/);
        expectOne(policy, clusterType, cluster({ servicePrincipalProfile: { clientId: "app-id" } }), /servicePrincipalProfile is set/);
    });

    it("handles wrong types without crashing", () => {
        expectOne(policy, clusterType, cluster({ identity: "SystemAssigned" as never }), /identity has the wrong type: expected an object, found string "SystemAssigned"/);
        expectOne(policy, clusterType, cluster({ identity: { type: 3 as never } }), /identity\.type has the wrong type: expected "SystemAssigned" or "UserAssigned", found number 3/);
        expectOne(policy, clusterType, cluster({ servicePrincipalProfile: "app-id" as never }), /servicePrincipalProfile has the wrong type: expected an object/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, cluster({ identity: { type: unknownValue("string") } })).unknown ?? "", /identity\.type/);
        // A client ID computed from an app registration is still a service principal: presence decides.
        expectOne(policy, clusterType, cluster({ servicePrincipalProfile: { clientId: unknownValue("string") } }), /servicePrincipalProfile is set \(clientId \(unknown until deploy\)\)/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
