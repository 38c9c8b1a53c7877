import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asString, azure, cisAks, nsaHardening, resourcePolicy, typescriptFix, wrongType } from "../core";
import { read, requireTrue } from "./fields";

export const aksSecretsKmsEncryption = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-secrets-kms-encryption",
    displayName: "AKS secrets encrypted with a Key Vault key",
    description: "Kubernetes Secrets in etcd are encrypted with a customer-managed Key Vault key (KMS etcd encryption).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "encryption"],
    framework: cisAks("5.3.1", "Ensure Kubernetes Secrets are encrypted"),
    alsoCites: [
        nsaHardening("Network separation and hardening", "Secrets"),
    ],
    why: "Secrets in etcd are only base64 encoded; without KMS encryption under your key you cannot audit, rotate or revoke access to them.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            securityProfile: {
                azureKeyVaultKms: {
                    enabled: true,
                    keyId: key.keyUriWithVersion,
                    keyVaultNetworkAccess: "Private",
                    keyVaultResourceId: vault.id,
                },
            },
        });
    `),
    remediationSteps:
        "Set `securityProfile: { azureKeyVaultKms: { enabled: true, keyId: key.keyUriWithVersion, keyVaultNetworkAccess: \"Private\", " +
        "keyVaultResourceId: vault.id } }` on the azure-native containerservice.ManagedCluster, with a cluster identity allowed to encrypt and decrypt with the key.",
    url: "https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const enabled = requireTrue(ctx, cluster, "securityProfile.azureKeyVaultKms.enabled", "is absent, and AKS then encrypts etcd only with platform-managed keys", {
            fix: "set securityProfile.azureKeyVaultKms.enabled: true with a keyId",
        });
        if (!enabled) return;
        // Only presence matters here: a key ID computed from a Key resource is still a key.
        const keyId = read(cluster, "securityProfile.azureKeyVaultKms.keyId");
        if (keyId.kind !== "value") return;
        const fix = "set securityProfile.azureKeyVaultKms.keyId to a Key Vault key URI with its version";
        if (keyId.value !== undefined && typeof keyId.value !== "string") {
            ctx.violation("securityProfile.azureKeyVaultKms.keyId", wrongType("a Key Vault key URI", keyId.value), fix);
        } else if (!asString(keyId.value)?.trim()) {
            ctx.violation("securityProfile.azureKeyVaultKms.keyId", "is absent, so KMS has no key to encrypt with", fix);
        }
    },
});
