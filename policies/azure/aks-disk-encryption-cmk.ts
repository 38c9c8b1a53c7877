import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asString, azure, PolicyConfigError, resourcePolicy, show } from "../core";

interface DiskEncryptionConfig {
    /** Lower-cased disk encryption set IDs; empty means any set. */
    allowed: string[];
}

export const aksDiskEncryptionCmk = resourcePolicy<Unwrap<ManagedClusterArgs>, DiskEncryptionConfig>({
    name: "aks-disk-encryption-cmk",
    description: "AKS node OS and data disks are encrypted with a customer-managed key through a disk encryption set.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["azure", "encryption"],
    remediationSteps:
        "Set `diskEncryptionSetID: diskEncryptionSet.id` on the azure-native containerservice.ManagedCluster (a compute.DiskEncryptionSet " +
        "over a Key Vault key). Restrict which sets are acceptable with the `allowedDiskEncryptionSetIds` config.",
    url: "https://learn.microsoft.com/azure/aks/azure-disk-customer-managed-keys",
    appliesTo: azure.managedCluster,
    configSchema: {
        properties: {
            allowedDiskEncryptionSetIds: {
                type: "array",
                items: { type: "string", minLength: 1 },
                default: [],
                description: "Disk encryption set resource IDs the cluster may use (compared without regard to case); empty allows any set.",
            },
        },
    },
    parseConfig: (raw) => {
        const list = raw.allowedDiskEncryptionSetIds ?? [];
        if (!Array.isArray(list) || list.some((v) => typeof v !== "string")) {
            throw new PolicyConfigError("aks-disk-encryption-cmk", "allowedDiskEncryptionSetIds must be a list of resource IDs");
        }
        return { allowed: list.map((v: string) => v.toLowerCase()) };
    },
    validate: (cluster, ctx) => {
        const id = cluster.diskEncryptionSetID;
        const text = asString(id)?.trim();
        if (!text) {
            ctx.violation(
                "diskEncryptionSetID",
                id === undefined ? "is absent, and AKS then encrypts node disks with platform-managed keys" : `is ${show(id)}, which is not a resource ID`,
                "set diskEncryptionSetID to a disk encryption set that uses your Key Vault key",
            );
            return;
        }
        const { allowed } = ctx.config;
        if (allowed.length > 0 && !allowed.includes(text.toLowerCase())) {
            ctx.violation("diskEncryptionSetID", `is ${show(id)}, which is not one of the allowedDiskEncryptionSetIds`, "use one of the allowed disk encryption sets");
        }
    },
});
