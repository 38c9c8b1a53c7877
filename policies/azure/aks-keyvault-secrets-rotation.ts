import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, resourcePolicy, show } from "../core";
import { addonConfig, addonPath, findAddons } from "./addons";

export const aksKeyvaultSecretsRotation = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-keyvault-secrets-rotation",
    description: "When the Key Vault secrets provider add-on is enabled, it rotates secrets, so rotated or revoked Key Vault values reach the pods.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["azure", "encryption"],
    remediationSteps:
        'Set `addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: "true", rotationPollInterval: "2m" } } }` ' +
        "on the azure-native containerservice.ManagedCluster.",
    url: "https://learn.microsoft.com/azure/aks/csi-secrets-store-configuration-options",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        for (const addon of findAddons(cluster, "azureKeyvaultSecretsProvider")) {
            // Without the add-on there is nothing to rotate.
            if (addon.enabled !== true) continue;
            const rotation = addonConfig(addon, "enableSecretRotation");
            if (rotation?.toLowerCase() === "true") continue;
            const path = addonPath(addon.key, "config.enableSecretRotation");
            ctx.violation(path, rotation === undefined ? "is absent, and the add-on then never refreshes mounted secrets" : `is ${show(rotation)}`, `set ${path}: "true"`);
        }
    },
});
