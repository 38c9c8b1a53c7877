import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksRbacEnabled as policy } from "../../policies/azure/aks-rbac-enabled";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

describe("aks-rbac-enabled", () => {
    it("passes enableRBAC: true, and absent (AKS enables RBAC by default)", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, cluster({ enableRBAC: undefined }));
    });

    it("flags enableRBAC: false on both tokens", () => {
        expectOne(policy, clusterType, cluster({ enableRBAC: false }), /^ManagedCluster "test": enableRBAC is false, which turns off Kubernetes RBAC\. Fix: set enableRBAC: true$/);
        expectOne(policy, previewClusterType, cluster({ enableRBAC: "false" as never }), /enableRBAC is "false"/);
    });

    it("flags a value of the wrong type, which AKS would not read as true", () => {
        expectOne(policy, clusterType, cluster({ enableRBAC: 0 as never }), /enableRBAC is 0/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, cluster({ enableRBAC: unknownValue<boolean>("bool") })).unknown ?? "", /enableRBAC/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
