import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksAutoUpgradeChannel as policy } from "../../policies/azure/aks-auto-upgrade-channel";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

const channel = (upgradeChannel: unknown) => cluster({ autoUpgradeProfile: { upgradeChannel: upgradeChannel as never, nodeOSUpgradeChannel: "NodeImage" } });

describe("aks-auto-upgrade-channel", () => {
    for (const c of ["patch", "stable", "rapid", "node-image", "Stable"]) {
        it(`passes upgradeChannel "${c}"`, () => expectClean(policy, clusterType, channel(c)));
    }

    it('flags "none", on both tokens', () => {
        expectOne(policy, clusterType, channel("none"), /^ManagedCluster "test": autoUpgradeProfile\.upgradeChannel is "none", which does not upgrade the cluster/);
        expectOne(policy, previewClusterType, channel("None"), /upgradeChannel is "None"/);
    });

    it("flags an absent channel and an absent profile", () => {
        expectOne(policy, clusterType, channel(undefined), /upgradeChannel is absent, and AKS then defaults to "none"/);
        expectOne(policy, clusterType, cluster({ autoUpgradeProfile: undefined }), /upgradeChannel is absent/);
    });

    it("flags unknown channel names and wrong types", () => {
        expectOne(policy, clusterType, channel("weekly"), /is "weekly"/);
        expectOne(policy, clusterType, channel(true), /upgradeChannel has the wrong type: expected "patch", "stable", "rapid" or "node-image", found boolean true/);
        expectOne(policy, clusterType, cluster({ autoUpgradeProfile: "patch" as never }), /autoUpgradeProfile has the wrong type: expected an object/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, channel(unknownValue("string"))).unknown ?? "", /upgradeChannel/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
