import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksKubeDashboardDisabled as policy } from "../../policies/azure/aks-kube-dashboard-disabled";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

describe("aks-kube-dashboard-disabled", () => {
    it("passes without the dashboard add-on, or with it disabled", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, cluster({ addonProfiles: { kubeDashboard: { enabled: false } } }));
        expectClean(policy, clusterType, cluster({ addonProfiles: undefined }));
    });

    it("flags add-on profiles of the wrong type: they may hold the dashboard", () => {
        expectOne(policy, clusterType, cluster({ addonProfiles: "kubeDashboard" as never }), /addonProfiles has the wrong type: expected a map of add-on profiles, found string "kubeDashboard"/);
    });

    it("flags the enabled dashboard whatever the key's case, on both tokens", () => {
        expectOne(policy, clusterType, cluster({ addonProfiles: { kubeDashboard: { enabled: true } } }), /^ManagedCluster "test": addonProfiles\.kubeDashboard\.enabled is true\. Fix: set addonProfiles\.kubeDashboard\.enabled: false$/);
        expectOne(policy, previewClusterType, cluster({ addonProfiles: { kubedashboard: { enabled: true } } }), /addonProfiles\.kubedashboard\.enabled/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.ok(checkResource(policy, clusterType, cluster({ addonProfiles: { kubeDashboard: { enabled: unknownValue<boolean>("bool") } } })).unknown);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
