import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, asDict, asString, azure, cisAks, resourcePolicy } from "../core";

export const aksSecretsKmsEncryption = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-secrets-kms-encryption",
    description: "Kubernetes Secrets in etcd are encrypted with a customer-managed Key Vault key (KMS etcd encryption).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "encryption"],
    framework: cisAks("5.3.1", "Ensure Kubernetes Secrets are encrypted"),
    remediationSteps:
        "Set `securityProfile: { azureKeyVaultKms: { enabled: true, keyId: key.keyUriWithVersion, keyVaultNetworkAccess: \"Private\", " +
        "keyVaultResourceId: vault.id } }` on the azure-native containerservice.ManagedCluster, with a cluster identity allowed to encrypt and decrypt with the key.",
    url: "https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const kms = asDict(asDict(cluster.securityProfile)?.azureKeyVaultKms);
        const enabled = asBool(kms?.enabled);
        if (enabled !== true) {
            ctx.violation(
                "securityProfile.azureKeyVaultKms.enabled",
                enabled === false ? "is false" : "is absent, and AKS then encrypts etcd only with platform-managed keys",
                "set securityProfile.azureKeyVaultKms.enabled: true with a keyId",
            );
            return;
        }
        if (!asString(kms?.keyId)?.trim()) {
            ctx.violation("securityProfile.azureKeyVaultKms.keyId", "is absent, so KMS has no key to encrypt with", "set securityProfile.azureKeyVaultKms.keyId to a Key Vault key URI with its version");
        }
    },
});
