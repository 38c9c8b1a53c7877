import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksDefenderEnabled as policy } from "../../policies/azure/aks-defender-enabled";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

const defender = (value: unknown) => cluster({ securityProfile: { defender: value as never } });

describe("aks-defender-enabled", () => {
    it("passes Defender security monitoring, on the versioned token too", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, defender({ securityMonitoring: { enabled: true } }));
    });

    it("flags disabled and absent monitoring, and wrong types", () => {
        expectOne(policy, clusterType, defender({ securityMonitoring: { enabled: false } }), /^ManagedCluster "test": securityProfile\.defender\.securityMonitoring\.enabled is false/);
        expectOne(policy, previewClusterType, cluster({ securityProfile: undefined }), /is absent, and AKS then runs no Defender sensor/);
        expectOne(policy, clusterType, defender("on"), /securityProfile\.defender has the wrong type: expected an object, found string "on"/);
    });

    it("is advisory, leaves unknowns to the SDK and skips other types", () => {
        assert.strictEqual(policy.enforcementLevel, "advisory");
        assert.ok(checkResource(policy, clusterType, defender({ securityMonitoring: { enabled: unknownValue<boolean>("bool") } })).unknown);
        // securityProfile whole unknown (the SDK computes it with one .apply): deferred by the field it needs, with the reason.
        const whole = checkResource(policy, clusterType, cluster({ securityProfile: unknownValue("object") }));
        assert.match(whole.unknown ?? "", /ManagedCluster "test": securityProfile\.defender\.securityMonitoring\.enabled is in securityProfile, which the azure-native SDK computes as a whole/);
        assert.deepStrictEqual(whole.violations, []);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
