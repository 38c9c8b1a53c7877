import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksNodeOsUpgradeChannel as policy } from "../../policies/azure/aks-node-os-upgrade-channel";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

const channel = (nodeOSUpgradeChannel: unknown) => cluster({ autoUpgradeProfile: { upgradeChannel: "patch", nodeOSUpgradeChannel: nodeOSUpgradeChannel as never } });

describe("aks-node-os-upgrade-channel", () => {
    it("passes NodeImage and SecurityPatch, and absent (the documented default is NodeImage)", () => {
        expectClean(policy, clusterType, channel("NodeImage"));
        expectClean(policy, previewClusterType, channel("SecurityPatch"));
        expectClean(policy, clusterType, channel(undefined));
        expectClean(policy, clusterType, cluster({ autoUpgradeProfile: undefined }));
    });

    it("flags None and Unmanaged, on both tokens", () => {
        expectOne(policy, clusterType, channel("None"), /^ManagedCluster "test": autoUpgradeProfile\.nodeOSUpgradeChannel is "None", so node OS security patches are not applied by AKS/);
        expectOne(policy, previewClusterType, channel("Unmanaged"), /nodeOSUpgradeChannel is "Unmanaged"/);
    });

    it("flags wrong types", () => {
        expectOne(policy, clusterType, channel(false), /nodeOSUpgradeChannel has the wrong type: expected "NodeImage" or "SecurityPatch", found boolean false/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, channel(unknownValue("string"))).unknown ?? "", /nodeOSUpgradeChannel/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
