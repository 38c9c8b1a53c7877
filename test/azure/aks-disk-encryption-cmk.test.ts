import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksDiskEncryptionCmk as policy } from "../../policies/azure/aks-disk-encryption-cmk";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, hardenedCluster, previewClusterType } from "./fixtures";

const setId = String(hardenedCluster.diskEncryptionSetID);

describe("aks-disk-encryption-cmk", () => {
    it("passes a disk encryption set, on the versioned token too", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, cluster());
    });

    it("flags an absent, empty or mistyped diskEncryptionSetID", () => {
        expectOne(policy, clusterType, cluster({ diskEncryptionSetID: undefined }), /^ManagedCluster "test": diskEncryptionSetID is absent, and AKS then encrypts node disks with platform-managed keys/);
        expectOne(policy, previewClusterType, cluster({ diskEncryptionSetID: "" }), /diskEncryptionSetID is empty/);
        expectOne(policy, clusterType, cluster({ diskEncryptionSetID: 5 as never }), /diskEncryptionSetID has the wrong type: expected a disk encryption set ID, found number 5/);
    });

    it("restricts the set with allowedDiskEncryptionSetIds, without regard to case", () => {
        expectClean(policy, clusterType, cluster(), { config: { allowedDiskEncryptionSetIds: [setId.toUpperCase()] } });
        expectOne(policy, clusterType, cluster(), /which is not one of the allowedDiskEncryptionSetIds/, { config: { allowedDiskEncryptionSetIds: ["/subscriptions/0/other"] } });
    });

    it("is advisory by default and configurable to mandatory", () => {
        assert.strictEqual(policy.enforcementLevel, "advisory");
        assert.ok(policy.configSchema?.properties.allowedDiskEncryptionSetIds);
    });

    it("lets presence decide for an ID computed from another resource, unless the allowed sets need its value", () => {
        expectClean(policy, clusterType, cluster({ diskEncryptionSetID: unknownValue("string") }));
        const restricted = checkResource(policy, clusterType, cluster({ diskEncryptionSetID: unknownValue("string") }), { config: { allowedDiskEncryptionSetIds: [setId] } });
        assert.match(restricted.unknown ?? "", /diskEncryptionSetID is computed from another resource, and allowedDiskEncryptionSetIds needs its value/);
    });

    it("skips other types", () => {
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
