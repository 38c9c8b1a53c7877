import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksRunCommandDisabled as policy } from "../../policies/azure/aks-run-command-disabled";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

describe("aks-run-command-disabled", () => {
    it("passes disableRunCommand: true, on the versioned token too", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, cluster());
    });

    it("flags false, absent and wrong types", () => {
        expectOne(policy, clusterType, cluster({ apiServerAccessProfile: { enablePrivateCluster: true, disableRunCommand: false } }), /apiServerAccessProfile\.disableRunCommand is false\. Fix: set apiServerAccessProfile\.disableRunCommand: true/);
        expectOne(policy, clusterType, cluster({ apiServerAccessProfile: { enablePrivateCluster: true } }), /is absent, and AKS then allows run command/);
        expectOne(policy, previewClusterType, cluster({ apiServerAccessProfile: undefined }), /is absent/);
        expectOne(policy, clusterType, cluster({ apiServerAccessProfile: { disableRunCommand: "yes" as never } }), /disableRunCommand has the wrong type: expected a boolean, found string "yes"/);
    });

    it("accepts the string form of a boolean", () => {
        expectClean(policy, clusterType, cluster({ apiServerAccessProfile: { disableRunCommand: "true" as never } }));
    });

    it("is advisory, leaves unknowns to the SDK and skips other types", () => {
        assert.strictEqual(policy.enforcementLevel, "advisory");
        assert.match(checkResource(policy, clusterType, cluster({ apiServerAccessProfile: { disableRunCommand: unknownValue<boolean>("bool") } })).unknown ?? "", /disableRunCommand/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
