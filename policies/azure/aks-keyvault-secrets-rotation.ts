import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, isDict, isUnknown, peek, resourcePolicy, show, typescriptFix, wrongType } from "../core";
import { addonPath, findAddons } from "./addons";

export const aksKeyvaultSecretsRotation = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-keyvault-secrets-rotation",
    displayName: "AKS Key Vault secrets provider rotates secrets",
    description: "When the Key Vault secrets provider add-on is enabled, it rotates secrets, so rotated or revoked Key Vault values reach the pods.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["azure", "encryption"],
    why: "Without rotation, pods keep a revoked or rotated secret's old value until they restart, so revoking a leaked secret does not take effect.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            addonProfiles: {
                azureKeyvaultSecretsProvider: {
                    enabled: true,
                    config: { enableSecretRotation: "true", rotationPollInterval: "2m" },
                },
            },
        });
    `),
    remediationSteps:
        'Set `addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: "true", rotationPollInterval: "2m" } } }` ' +
        "on the azure-native containerservice.ManagedCluster (add-on config values are strings).",
    url: "https://learn.microsoft.com/azure/aks/csi-secrets-store-configuration-options",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        for (const addon of findAddons(ctx, cluster, "azureKeyvaultSecretsProvider").addons) {
            // Without the add-on there is nothing to rotate; an add-on whose state is not a boolean may be on.
            if (addon.enabled === "off") continue;
            if (addon.enabled === "unknown") {
                ctx.defer(addon.unknownAt ?? addonPath(addon.key));
                continue;
            }
            const path = addonPath(addon.key, "config.enableSecretRotation");
            const fix = `set ${path}: "true"`;
            const config = peek(addon.profile, "config");
            if (isUnknown(config)) {
                ctx.defer(addonPath(addon.key, "config"));
                continue;
            }
            if (config !== undefined && !isDict(config)) {
                ctx.violation(addonPath(addon.key, "config"), wrongType("an object of strings", config), fix);
                continue;
            }
            const rotation = peek(config, "enableSecretRotation");
            if (isUnknown(rotation)) ctx.defer(path);
            else if (typeof rotation === "string" && rotation.toLowerCase() === "true") continue;
            else if (rotation === undefined) ctx.violation(path, "is absent, and the add-on then never refreshes mounted secrets", fix);
            else if (typeof rotation !== "string") ctx.violation(path, wrongType('the string "true" (add-on config values are strings)', rotation), fix);
            else ctx.violation(path, `is ${show(rotation)}`, fix);
        }
    },
});
