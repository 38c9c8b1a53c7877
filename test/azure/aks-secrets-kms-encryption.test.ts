import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksSecretsKmsEncryption as policy } from "../../policies/azure/aks-secrets-kms-encryption";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

const kms = (azureKeyVaultKms: unknown) => cluster({ securityProfile: { azureKeyVaultKms: azureKeyVaultKms as never } });

describe("aks-secrets-kms-encryption", () => {
    it("passes KMS with a key, on the versioned token too", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, kms({ enabled: true, keyId: "https://kv.vault.azure.net/keys/k/1" }));
    });

    it("flags KMS disabled or absent", () => {
        expectOne(policy, clusterType, kms({ enabled: false, keyId: "https://kv.vault.azure.net/keys/k/1" }), /securityProfile\.azureKeyVaultKms\.enabled is false/);
        expectOne(policy, clusterType, kms(undefined), /^ManagedCluster "test": securityProfile\.azureKeyVaultKms\.enabled is absent, and AKS then encrypts etcd only with platform-managed keys/);
        expectOne(policy, previewClusterType, cluster({ securityProfile: undefined }), /azureKeyVaultKms\.enabled is absent/);
    });

    it("flags KMS enabled without a key", () => {
        expectOne(policy, clusterType, kms({ enabled: true }), /securityProfile\.azureKeyVaultKms\.keyId is absent, so KMS has no key/);
        expectOne(policy, clusterType, kms({ enabled: true, keyId: " " }), /keyId is absent/);
        expectOne(policy, clusterType, kms({ enabled: true, keyId: 7 }), /keyId has the wrong type: expected a Key Vault key URI, found number 7/);
        expectOne(policy, clusterType, kms({ enabled: "yes" }), /azureKeyVaultKms\.enabled has the wrong type: expected a boolean/);
    });

    it("lets presence decide for a key ID computed from a Key resource", () => {
        expectClean(policy, clusterType, kms({ enabled: true, keyId: unknownValue("string") }));
    });

    it("defers when securityProfile is unknown as a whole, naming the field and why", () => {
        const r = checkResource(policy, clusterType, cluster({ securityProfile: unknownValue("object") }));
        assert.deepStrictEqual(r.violations, []);
        assert.strictEqual(
            r.unknown,
            'ManagedCluster "test": securityProfile.azureKeyVaultKms.enabled is in securityProfile, which the azure-native SDK computes as a whole ' +
                "(one `.apply` over the object), so all of securityProfile is unknown while any field in it is computed from another resource " +
                "(such as a key, workspace or subnet ID); not known until deploy, so judged at `pulumi up`",
        );
    });

    it("skips other types", () => {
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
