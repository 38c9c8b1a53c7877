import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksKeyvaultSecretsRotation as policy } from "../../policies/azure/aks-keyvault-secrets-rotation";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

const provider = (profile: unknown) => cluster({ addonProfiles: { azureKeyvaultSecretsProvider: profile as never } });

describe("aks-keyvault-secrets-rotation", () => {
    it("passes a provider that rotates secrets, and clusters without the provider", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, cluster({ addonProfiles: { AzureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: "True" } } } }));
        expectClean(policy, clusterType, cluster({ addonProfiles: undefined }));
        expectClean(policy, clusterType, provider({ enabled: false }));
    });

    it("flags an enabled provider without rotation, on both tokens", () => {
        expectOne(policy, clusterType, provider({ enabled: true, config: { enableSecretRotation: "false" } }), /^ManagedCluster "test": addonProfiles\.azureKeyvaultSecretsProvider\.config\.enableSecretRotation is "false"\. Fix: set addonProfiles\.azureKeyvaultSecretsProvider\.config\.enableSecretRotation: "true"$/);
        expectOne(policy, previewClusterType, provider({ enabled: true }), /enableSecretRotation is absent, and the add-on then never refreshes mounted secrets/);
        expectOne(policy, clusterType, provider({ enabled: true, config: "rotate" }), /azureKeyvaultSecretsProvider\.config has the wrong type: expected an object of strings, found string "rotate"/);
    });

    it("flags a boolean where the add-on config wants the string \"true\"", () => {
        expectOne(
            policy,
            clusterType,
            provider({ enabled: true, config: { enableSecretRotation: true } }),
            /config\.enableSecretRotation has the wrong type: expected the string "true" \(add-on config values are strings\), found boolean true/,
        );
        expectOne(policy, clusterType, provider({ enabled: true, enableSecretRotation: true }), /config\.enableSecretRotation is absent/);
    });

    it("is advisory, leaves unknowns to the SDK and skips other types", () => {
        assert.strictEqual(policy.enforcementLevel, "advisory");
        assert.ok(checkResource(policy, clusterType, provider({ enabled: true, config: { enableSecretRotation: unknownValue("string") } })).unknown);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
