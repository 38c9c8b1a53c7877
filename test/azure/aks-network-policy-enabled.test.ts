import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksNetworkPolicyEnabled as policy } from "../../policies/azure/aks-network-policy-enabled";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

const withPolicy = (networkPolicy: unknown) => cluster({ networkProfile: { networkPlugin: "azure", networkPolicy: networkPolicy as never } });

describe("aks-network-policy-enabled", () => {
    for (const engine of ["azure", "calico", "cilium", "Calico"]) {
        it(`passes networkPolicy "${engine}"`, () => expectClean(policy, clusterType, withPolicy(engine)));
    }

    it('flags "none", on both tokens', () => {
        expectOne(policy, clusterType, withPolicy("none"), /^ManagedCluster "test": networkProfile\.networkPolicy is "none", which enforces no NetworkPolicy/);
        expectOne(policy, previewClusterType, withPolicy("none"), /networkPolicy/);
    });

    it("flags an absent networkPolicy and an absent networkProfile", () => {
        expectOne(policy, clusterType, withPolicy(undefined), /networkProfile\.networkPolicy is absent, and AKS then enforces no NetworkPolicy/);
        expectOne(policy, clusterType, cluster({ networkProfile: undefined }), /is absent/);
    });

    it("flags wrong types", () => {
        expectOne(policy, clusterType, withPolicy(["cilium"]), /networkPolicy has the wrong type: expected "azure", "calico" or "cilium", found array \["cilium"\]/);
        expectOne(policy, clusterType, cluster({ networkProfile: "cilium" as never }), /networkProfile has the wrong type: expected an object, found string "cilium"/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, withPolicy(unknownValue("string"))).unknown ?? "", /networkPolicy/);
        // networkProfile whole unknown (the SDK computes it with one .apply, e.g. for a load balancer IP's id).
        assert.match(
            checkResource(policy, clusterType, cluster({ networkProfile: unknownValue("object") })).unknown ?? "",
            /networkProfile\.networkPolicy is in networkProfile, which the azure-native SDK computes as a whole/,
        );
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
