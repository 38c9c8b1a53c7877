// An AKS Automatic cluster as Microsoft's quickstart writes it (MicrosoftDocs/azure-aks-docs,
// articles/aks/automatic/quick-automatic-managed-network.md, the Bicep pivot), in Pulumi: the SKU, a system
// pool and a managed identity, nothing else. Automatic turns on Azure RBAC without local accounts, workload
// identity, the upgrade channels, Deployment Safeguards (the Azure Policy add-on) and Cilium network policy
// (policies/azure/automatic.ts); the rest is left to the program.
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as resources from "@pulumi/azure-native/resources";

const resourceGroup = new resources.ResourceGroup("resourceGroup", {});

const cluster = new containerservice.ManagedCluster("aks", {
    resourceGroupName: resourceGroup.name,
    sku: { name: containerservice.ManagedClusterSKUName.Automatic, tier: containerservice.ManagedClusterSKUTier.Standard },
    agentPoolProfiles: [{ name: "systempool", mode: containerservice.AgentPoolMode.System, count: 3 }],
    identity: { type: containerservice.ResourceIdentityType.SystemAssigned },
});

export const clusterName = cluster.name;
