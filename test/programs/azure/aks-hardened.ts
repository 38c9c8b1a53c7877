// An AKS cluster that follows the remediation text of every AKS policy as written: a private cluster with
// Entra ID only (no local accounts), Azure RBAC, a user-assigned identity, workload identity, KMS etcd
// encryption with a Key Vault key, node disks under a customer-managed key, Defender and Container Insights
// into a Log Analytics workspace, automatic upgrades, Cilium network policy, hardened agent pools, and a
// DiagnosticSetting that keeps the API server audit log.
import * as authorization from "@pulumi/azure-native/authorization";
import * as compute from "@pulumi/azure-native/compute";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as monitor from "@pulumi/azure-native/monitor";
import * as network from "@pulumi/azure-native/network";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as resources from "@pulumi/azure-native/resources";

const kubernetesVersion = "1.35";
const adminGroupObjectId = "11111111-2222-3333-4444-555555555555";
/** Built-in role "Key Vault Crypto User". */
const keyVaultCryptoUser = "/providers/Microsoft.Authorization/roleDefinitions/12338af0-0e69-4776-bea7-57ae8d297424";

const client = authorization.getClientConfigOutput();
const resourceGroup = new resources.ResourceGroup("aks", {});

const vnet = new network.VirtualNetwork("aks", { resourceGroupName: resourceGroup.name, addressSpace: { addressPrefixes: ["10.10.0.0/16"] } });
const nodeSubnet = new network.Subnet("nodes", { resourceGroupName: resourceGroup.name, virtualNetworkName: vnet.name, addressPrefix: "10.10.0.0/20" });

const workspace = new operationalinsights.Workspace("aks", {
    resourceGroupName: resourceGroup.name,
    sku: { name: "PerGB2018" },
    retentionInDays: 90,
});

const vault = new keyvault.Vault("aks", {
    resourceGroupName: resourceGroup.name,
    properties: {
        tenantId: client.tenantId,
        sku: { family: "A", name: "premium" },
        enableRbacAuthorization: true,
        enablePurgeProtection: true,
        enableSoftDelete: true,
    },
});
const etcdKey = new keyvault.Key("etcd", { resourceGroupName: resourceGroup.name, vaultName: vault.name, keyName: "etcd", properties: { kty: "RSA", keySize: 2048 } });
const diskKey = new keyvault.Key("disks", { resourceGroupName: resourceGroup.name, vaultName: vault.name, keyName: "disks", properties: { kty: "RSA", keySize: 2048 } });

// The cluster's own identity, allowed to use the etcd key before the cluster exists.
const clusterIdentity = new managedidentity.UserAssignedIdentity("aks", { resourceGroupName: resourceGroup.name });
const kmsAccess = new authorization.RoleAssignment("aks-kms", {
    scope: vault.id,
    roleDefinitionId: keyVaultCryptoUser,
    principalId: clusterIdentity.principalId,
    principalType: "ServicePrincipal",
});

const diskEncryptionSet = new compute.DiskEncryptionSet("aks", {
    resourceGroupName: resourceGroup.name,
    identity: { type: "SystemAssigned" },
    encryptionType: "EncryptionAtRestWithCustomerKey",
    activeKey: { keyUrl: diskKey.keyUriWithVersion, sourceVault: { id: vault.id } },
});

const hardenedPool = {
    vmSize: "Standard_D4s_v5",
    count: 3,
    osType: "Linux",
    osSKU: "AzureLinux",
    orchestratorVersion: kubernetesVersion,
    vnetSubnetID: nodeSubnet.id,
    enableNodePublicIP: false,
    enableEncryptionAtHost: true,
    securityProfile: { sshAccess: "Disabled", enableSecureBoot: true, enableVTPM: true },
};

const cluster = new containerservice.ManagedCluster(
    "aks",
    {
        resourceGroupName: resourceGroup.name,
        dnsPrefix: "aks-hardened",
        kubernetesVersion,
        identity: { type: "UserAssigned", userAssignedIdentities: [clusterIdentity.id] },
        aadProfile: { managed: true, enableAzureRBAC: true, adminGroupObjectIDs: [adminGroupObjectId] },
        disableLocalAccounts: true,
        enableRBAC: true,
        apiServerAccessProfile: { enablePrivateCluster: true, disableRunCommand: true },
        publicNetworkAccess: "Disabled",
        oidcIssuerProfile: { enabled: true },
        securityProfile: {
            workloadIdentity: { enabled: true },
            azureKeyVaultKms: { enabled: true, keyId: etcdKey.keyUriWithVersion, keyVaultNetworkAccess: "Private", keyVaultResourceId: vault.id },
            defender: { logAnalyticsWorkspaceResourceId: workspace.id, securityMonitoring: { enabled: true } },
        },
        diskEncryptionSetID: diskEncryptionSet.id,
        autoUpgradeProfile: { upgradeChannel: "patch", nodeOSUpgradeChannel: "NodeImage" },
        networkProfile: { networkPlugin: "azure", networkPolicy: "cilium", networkDataplane: "cilium" },
        addonProfiles: {
            omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: workspace.id } },
            azurepolicy: { enabled: true },
            azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: "true", rotationPollInterval: "2m" } },
        },
        agentPoolProfiles: [{ name: "system", mode: "System", ...hardenedPool }],
    },
    { dependsOn: [kmsAccess] },
);

new containerservice.AgentPool("apps", {
    resourceGroupName: resourceGroup.name,
    resourceName: cluster.name,
    agentPoolName: "apps",
    mode: "User",
    ...hardenedPool,
});

new containerservice.MaintenanceConfiguration("auto-upgrade", {
    resourceGroupName: resourceGroup.name,
    resourceName: cluster.name,
    configName: "aksManagedAutoUpgradeSchedule",
    maintenanceWindow: {
        schedule: { weekly: { dayOfWeek: "Sunday", intervalWeeks: 1 } },
        durationHours: 4,
        startTime: "02:00",
        utcOffset: "+00:00",
    },
});

new monitor.DiagnosticSetting("aks-audit", {
    resourceUri: cluster.id,
    workspaceId: workspace.id,
    logs: [{ category: "kube-audit-admin", enabled: true }],
});

export const clusterName = cluster.name;
