import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksPublicNetworkAccessDisabled as policy } from "../../policies/azure/aks-public-network-access-disabled";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

describe("aks-public-network-access-disabled", () => {
    it("passes a private cluster with public network access Disabled or unset", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, clusterType, cluster({ publicNetworkAccess: undefined }));
    });

    it("flags a private cluster with publicNetworkAccess Enabled (any case)", () => {
        expectOne(policy, clusterType, cluster({ publicNetworkAccess: "Enabled" }), /^ManagedCluster "test": publicNetworkAccess is "Enabled" on a private cluster\. Fix: set publicNetworkAccess: "Disabled"$/);
        expectOne(policy, previewClusterType, cluster({ publicNetworkAccess: "enabled" }), /publicNetworkAccess/);
    });

    it("flags a value of the wrong type on a private cluster", () => {
        expectOne(policy, clusterType, cluster({ publicNetworkAccess: true as never }), /publicNetworkAccess has the wrong type: expected "Disabled", found boolean true/);
    });

    it("does not judge public clusters or unreadable access profiles (aks-private-cluster and aks-api-server-access-restricted do)", () => {
        expectClean(policy, clusterType, cluster({ publicNetworkAccess: "Enabled", apiServerAccessProfile: { authorizedIPRanges: ["203.0.113.0/24"] } }));
        expectClean(policy, clusterType, cluster({ publicNetworkAccess: "Enabled", apiServerAccessProfile: "yes" as never }));
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, cluster({ publicNetworkAccess: unknownValue<string>("string") })).unknown ?? "", /publicNetworkAccess/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
