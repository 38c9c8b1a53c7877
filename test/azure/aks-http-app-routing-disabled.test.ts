import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksHttpAppRoutingDisabled as policy } from "../../policies/azure/aks-http-app-routing-disabled";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

describe("aks-http-app-routing-disabled", () => {
    it("passes without the add-on, or with it disabled", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, cluster({ addonProfiles: { httpApplicationRouting: { enabled: false } } }));
    });

    it("flags profiles of the wrong type: they may well be on", () => {
        expectOne(policy, clusterType, cluster({ addonProfiles: { httpApplicationRouting: "on" as never } }), /addonProfiles\.httpApplicationRouting has the wrong type: expected an add-on profile object, found string "on"/);
        expectOne(policy, clusterType, cluster({ addonProfiles: { httpApplicationRouting: { enabled: 1 as never } } }), /httpApplicationRouting\.enabled has the wrong type: expected a boolean, found number 1/);
    });

    it("flags the enabled add-on whatever the key's case, on both tokens", () => {
        expectOne(policy, clusterType, cluster({ addonProfiles: { httpApplicationRouting: { enabled: true } } }), /^ManagedCluster "test": addonProfiles\.httpApplicationRouting\.enabled is true/);
        expectOne(policy, previewClusterType, cluster({ addonProfiles: { HTTPApplicationRouting: { enabled: "true" as never } } }), /addonProfiles\.HTTPApplicationRouting\.enabled/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.ok(checkResource(policy, clusterType, cluster({ addonProfiles: { httpApplicationRouting: { enabled: unknownValue<boolean>("bool") } } })).unknown);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
