// A hardened AKS stack (cluster, agent pool, diagnostic setting) typed as azure-native inputs, and the
// tokens the azure policies match, so each policy test starts from the same hardened baseline and
// weakens one thing.
import type { AgentPoolArgs } from "@pulumi/azure-native/containerservice/agentPool";
import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { DiagnosticSettingArgs } from "@pulumi/azure-native/monitor/diagnosticSetting";
import type * as inputs from "@pulumi/azure-native/types/input";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import * as assert from "assert";
import { checkResource, type CheckOptions, type CheckResult } from "../harness";

export const clusterType = "azure-native:containerservice:ManagedCluster";
/** The token a locally generated SDK for a preview API version uses. */
export const previewClusterType = "azure-native:containerservice/v20250702preview:ManagedCluster";
export const agentPoolType = "azure-native:containerservice:AgentPool";
export const previewAgentPoolType = "azure-native:containerservice/v20250702preview:AgentPool";
export const diagnosticSettingType = "azure-native:monitor:DiagnosticSetting";
export const legacyDiagnosticSettingType = "azure-native:insights:DiagnosticSetting";

export const clusterId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/aks-prod";

export const hardenedPool: inputs.containerservice.ManagedClusterAgentPoolProfileArgs = {
    name: "system",
    mode: "System",
    count: 3,
    vmSize: "Standard_D4s_v5",
    orchestratorVersion: "1.35",
    enableNodePublicIP: false,
    enableEncryptionAtHost: true,
    securityProfile: { sshAccess: "Disabled", enableSecureBoot: true, enableVTPM: true },
};

export const hardenedCluster: ManagedClusterArgs = {
    resourceGroupName: "rg-prod",
    resourceName: "aks-prod",
    kubernetesVersion: "1.35",
    dnsPrefix: "aks-prod",
    identity: { type: "SystemAssigned" },
    aadProfile: { managed: true, enableAzureRBAC: true, adminGroupObjectIDs: ["11111111-1111-1111-1111-111111111111"] },
    disableLocalAccounts: true,
    enableRBAC: true,
    apiServerAccessProfile: { enablePrivateCluster: true, disableRunCommand: true },
    publicNetworkAccess: "Disabled",
    oidcIssuerProfile: { enabled: true },
    securityProfile: {
        workloadIdentity: { enabled: true },
        azureKeyVaultKms: { enabled: true, keyId: "https://kv-prod.vault.azure.net/keys/etcd/0123456789abcdef", keyVaultNetworkAccess: "Public" },
        defender: { logAnalyticsWorkspaceResourceId: "/subscriptions/0/resourceGroups/rg-prod/providers/Microsoft.OperationalInsights/workspaces/law", securityMonitoring: { enabled: true } },
    },
    diskEncryptionSetID: "/subscriptions/0/resourceGroups/rg-prod/providers/Microsoft.Compute/diskEncryptionSets/des-prod",
    autoUpgradeProfile: { upgradeChannel: "patch", nodeOSUpgradeChannel: "NodeImage" },
    networkProfile: { networkPlugin: "azure", networkPolicy: "cilium", networkDataplane: "cilium" },
    addonProfiles: {
        omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: "/subscriptions/0/resourceGroups/rg-prod/providers/Microsoft.OperationalInsights/workspaces/law" } },
        azurepolicy: { enabled: true },
        azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: "true", rotationPollInterval: "2m" } },
    },
    agentPoolProfiles: [hardenedPool],
};

export const hardenedAgentPool: AgentPoolArgs = {
    resourceGroupName: "rg-prod",
    resourceName: "aks-prod",
    agentPoolName: "apps",
    mode: "User",
    count: 3,
    vmSize: "Standard_D4s_v5",
    orchestratorVersion: "1.35",
    enableNodePublicIP: false,
    enableEncryptionAtHost: true,
    securityProfile: { sshAccess: "Disabled", enableSecureBoot: true, enableVTPM: true },
};

export const hardenedDiagnosticSetting: DiagnosticSettingArgs = {
    resourceUri: clusterId,
    workspaceId: "/subscriptions/0/resourceGroups/rg-prod/providers/Microsoft.OperationalInsights/workspaces/law",
    logs: [
        { category: "kube-audit-admin", enabled: true },
        { category: "guard", enabled: true },
    ],
};

/** The hardened cluster with top-level fields replaced. */
export function cluster(patch: Partial<ManagedClusterArgs> = {}): ManagedClusterArgs {
    return { ...hardenedCluster, ...patch };
}

/** The hardened cluster with its one inline pool patched. */
export function clusterWithPool(patch: Record<string, unknown>): ManagedClusterArgs {
    return { ...hardenedCluster, agentPoolProfiles: [{ ...hardenedPool, ...patch } as inputs.containerservice.ManagedClusterAgentPoolProfileArgs] };
}

/** The hardened agent pool with fields replaced. */
export function agentPool(patch: Partial<AgentPoolArgs> | Record<string, unknown> = {}): AgentPoolArgs {
    return { ...hardenedAgentPool, ...patch } as AgentPoolArgs;
}

/** Messages of a resource policy, asserting it ran to a verdict (not unknown, not not-applicable). */
export function violations(policy: ResourceValidationPolicy, type: string, props: object, options?: CheckOptions): string[] {
    const r: CheckResult = checkResource(policy, type, props, options);
    assert.strictEqual(r.notApplicable, undefined, `not applicable: ${r.notApplicable}`);
    assert.strictEqual(r.unknown, undefined, `unknown: ${r.unknown}`);
    return r.violations;
}

/** Asserts exactly one violation matching `pattern`. */
export function expectOne(policy: ResourceValidationPolicy, type: string, props: object, pattern: RegExp, options?: CheckOptions): string {
    const found = violations(policy, type, props, options);
    assert.strictEqual(found.length, 1, `expected one violation, got ${JSON.stringify(found)}`);
    assert.match(found[0], pattern);
    return found[0];
}

/** Asserts no violation. */
export function expectClean(policy: ResourceValidationPolicy, type: string, props: object, options?: CheckOptions): void {
    assert.deepStrictEqual(violations(policy, type, props, options), []);
}
