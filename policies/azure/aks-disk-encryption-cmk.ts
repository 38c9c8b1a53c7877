import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asString, azure, PolicyConfigError, resourcePolicy, show, typescriptFix, wrongType } from "../core";
import { read } from "./fields";

interface DiskEncryptionConfig {
    /** Lower-cased disk encryption set IDs; empty means any set. */
    allowed: string[];
}

export const aksDiskEncryptionCmk = resourcePolicy<Unwrap<ManagedClusterArgs>, DiskEncryptionConfig>({
    name: "aks-disk-encryption-cmk",
    displayName: "AKS node disks use a customer-managed key",
    description: "AKS node OS and data disks are encrypted with a customer-managed key through a disk encryption set.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["azure", "encryption"],
    why: "Platform-managed keys cannot be revoked or audited by you, so disk contents stay readable to whoever the platform lets in.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            diskEncryptionSetID: diskEncryptionSet.id,
        });
    `),
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
        const fix = "set diskEncryptionSetID to a disk encryption set that uses your Key Vault key";
        const id = read(cluster, "diskEncryptionSetID");
        const { allowed } = ctx.config;
        if (id.kind === "unknown") {
            // Only presence matters unless sets are restricted: an ID computed from a DiskEncryptionSet is still a set.
            if (allowed.length > 0) ctx.defer("diskEncryptionSetID", "is computed from another resource, and allowedDiskEncryptionSetIds needs its value");
            return;
        }
        const value = id.kind === "value" ? id.value : undefined;
        const text = asString(value)?.trim();
        if (!text) {
            const problem =
                value === undefined ? "is absent, and AKS then encrypts node disks with platform-managed keys" : typeof value === "string" ? "is empty" : wrongType("a disk encryption set ID", value);
            ctx.violation("diskEncryptionSetID", problem, fix);
            return;
        }
        if (allowed.length > 0 && !allowed.includes(text.toLowerCase())) {
            ctx.violation("diskEncryptionSetID", `is ${show(value)}, which is not one of the allowedDiskEncryptionSetIds`, "use one of the allowed disk encryption sets");
        }
    },
});
