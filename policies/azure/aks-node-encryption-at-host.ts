import { typescriptFix } from "../core";
import { nodePoolPolicy, requirePoolTrue } from "./node-settings";

export const aksNodeEncryptionAtHost = nodePoolPolicy({
    name: "aks-node-encryption-at-host",
    displayName: "AKS nodes use encryption at host",
    description: "AKS node pools use encryption at host, so temp disks, disk caches and ephemeral OS disks are encrypted too.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["azure", "nodes"],
    why: "Without it, temp disks, disk caches and ephemeral OS disks hold workload data unencrypted on the host.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            agentPoolProfiles: [{ name: "system", mode: "System", count: 3, vmSize: "Standard_D4s_v5", enableEncryptionAtHost: true }],
        });
    `),
    remediationSteps:
        "Set `enableEncryptionAtHost: true` on each entry of the ManagedCluster's `agentPoolProfiles` and on each azure-native " +
        "containerservice.AgentPool (register the Microsoft.Compute EncryptionAtHost feature on the subscription first).",
    url: "https://learn.microsoft.com/azure/aks/enable-host-encryption",
    validatePool: (pool, ctx) => requirePoolTrue(pool, ctx, "enableEncryptionAtHost", "is absent, and AKS then leaves temp disks and disk caches unencrypted at the host"),
});
