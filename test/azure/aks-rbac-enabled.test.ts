import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksRbacEnabled as policy } from "../../policies/azure/aks-rbac-enabled";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

describe("aks-rbac-enabled", () => {
    // Absent means on. The evidence, for the API version azure-native 3.x uses for ManagedCluster (2025-09-01,
    // "Uses Azure REST API version 2025-09-01" in @pulumi/azure-native containerservice/managedCluster):
    // - azure-rest-api-specs, specification/containerservice/resource-manager/Microsoft.ContainerService/aks/stable/
    //   2025-09-01/managedClusters.json: ManagedClusterProperties.enableRBAC is `{ "type": "boolean", "description":
    //   "Whether to enable Kubernetes Role-Based Access Control." }`, optional and with no default, so the SDK
    //   sends nothing when it is left out (ManagedCluster's constructor passes args.enableRBAC through as is);
    // - its example ManagedClustersCreate_SecurityProfile.json sends a create request without enableRBAC, and the
    //   200 and 201 response bodies answer `"enableRBAC": true`: the resource provider turns RBAC on by default.
    // RBAC cannot be enabled after creation, so an explicit false is flagged with that in the fix.
    it("passes enableRBAC: true, and absent (AKS enables RBAC by default)", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, cluster({ enableRBAC: undefined }));
    });

    it("flags enableRBAC: false on both tokens", () => {
        expectOne(policy, clusterType, cluster({ enableRBAC: false }), /^ManagedCluster "test": enableRBAC is false, which turns off Kubernetes RBAC\. Fix: set enableRBAC: true \(AKS cannot turn RBAC on for an existing cluster: the cluster is created anew\)$/);
        expectOne(policy, previewClusterType, cluster({ enableRBAC: "false" as never }), /enableRBAC is "false"/);
    });

    it("flags a value of the wrong type, which AKS would not read as true", () => {
        expectOne(policy, clusterType, cluster({ enableRBAC: 0 as never }), /enableRBAC has the wrong type: expected a boolean, found number 0/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, cluster({ enableRBAC: unknownValue<boolean>("bool") })).unknown ?? "", /enableRBAC/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
