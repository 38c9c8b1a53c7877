import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksPodIdentityDisabled as policy } from "../../policies/azure/aks-pod-identity-disabled";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

describe("aks-pod-identity-disabled", () => {
    it("passes without podIdentityProfile, or with it disabled", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, cluster({ podIdentityProfile: { enabled: false } }));
    });

    it("flags values of the wrong type: pod identity may be on", () => {
        expectOne(policy, clusterType, cluster({ podIdentityProfile: "on" as never }), /podIdentityProfile has the wrong type: expected an object, found string "on"/);
        expectOne(policy, clusterType, cluster({ podIdentityProfile: { enabled: 1 as never } }), /podIdentityProfile\.enabled has the wrong type: expected a boolean/);
    });

    it("flags the deprecated pod identity add-on, on both tokens", () => {
        expectOne(policy, clusterType, cluster({ podIdentityProfile: { enabled: true } }), /^ManagedCluster "test": podIdentityProfile\.enabled is true: AAD pod identity is deprecated/);
        expectOne(policy, previewClusterType, cluster({ podIdentityProfile: { enabled: "true" as never } }), /podIdentityProfile\.enabled/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, cluster({ podIdentityProfile: { enabled: unknownValue<boolean>("bool") } })).unknown ?? "", /podIdentityProfile/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
