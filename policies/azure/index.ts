import { aksAadManaged } from "./aks-aad-managed";
import { aksApiServerAccessRestricted } from "./aks-api-server-access-restricted";
import { aksAuditLogsEnabled } from "./aks-audit-logs-enabled";
import { aksAutoUpgradeChannel } from "./aks-auto-upgrade-channel";
import { aksAzurePolicyAddon } from "./aks-azure-policy-addon";
import { aksAzureRbacEnabled } from "./aks-azure-rbac-enabled";
import { aksDefenderEnabled } from "./aks-defender-enabled";
import { aksDiskEncryptionCmk } from "./aks-disk-encryption-cmk";
import { aksHttpAppRoutingDisabled } from "./aks-http-app-routing-disabled";
import { aksKeyvaultSecretsRotation } from "./aks-keyvault-secrets-rotation";
import { aksKubeDashboardDisabled } from "./aks-kube-dashboard-disabled";
import { aksLocalAccountsDisabled } from "./aks-local-accounts-disabled";
import { aksManagedIdentity } from "./aks-managed-identity";
import { aksMonitoringEnabled } from "./aks-monitoring-enabled";
import { aksNetworkPolicyEnabled } from "./aks-network-policy-enabled";
import { aksNodeEncryptionAtHost } from "./aks-node-encryption-at-host";
import { aksNodeNoPublicIp } from "./aks-node-no-public-ip";
import { aksNodeOsUpgradeChannel } from "./aks-node-os-upgrade-channel";
import { aksNodeSshDisabled } from "./aks-node-ssh-disabled";
import { aksNodeTrustedLaunch } from "./aks-node-trusted-launch";
import { aksNodeVersionSupported } from "./aks-node-version-supported";
import { aksPodIdentityDisabled } from "./aks-pod-identity-disabled";
import { aksPodImdsAccessBlocked } from "./aks-pod-imds-access-blocked";
import { aksPrivateCluster } from "./aks-private-cluster";
import { aksPublicNetworkAccessDisabled } from "./aks-public-network-access-disabled";
import { aksRbacEnabled } from "./aks-rbac-enabled";
import { aksRunCommandDisabled } from "./aks-run-command-disabled";
import { aksSecretsKmsEncryption } from "./aks-secrets-kms-encryption";
import { aksVersionSupported } from "./aks-version-supported";
import { aksWorkloadIdentityEnabled } from "./aks-workload-identity-enabled";

/** Azure AKS policies, in the order docs list them. */
export const azurePolicies = [
    aksLocalAccountsDisabled,
    // API server
    aksPrivateCluster,
    aksApiServerAccessRestricted,
    aksPublicNetworkAccessDisabled,
    aksRunCommandDisabled,
    // Identity
    aksAadManaged,
    aksAzureRbacEnabled,
    aksRbacEnabled,
    aksManagedIdentity,
    aksWorkloadIdentityEnabled,
    aksPodIdentityDisabled,
    aksPodImdsAccessBlocked,
    // Nodes
    aksNodeNoPublicIp,
    aksNodeEncryptionAtHost,
    aksNodeSshDisabled,
    aksNodeTrustedLaunch,
    aksNodeVersionSupported,
    // Encryption
    aksSecretsKmsEncryption,
    aksDiskEncryptionCmk,
    aksKeyvaultSecretsRotation,
    // Upgrades
    aksAutoUpgradeChannel,
    aksNodeOsUpgradeChannel,
    aksVersionSupported,
    // Network and add-ons
    aksNetworkPolicyEnabled,
    aksHttpAppRoutingDisabled,
    aksKubeDashboardDisabled,
    aksMonitoringEnabled,
    aksAzurePolicyAddon,
    aksDefenderEnabled,
    // Audit logging
    aksAuditLogsEnabled,
];
