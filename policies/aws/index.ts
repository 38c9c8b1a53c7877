import { eksApiAuthenticationMode } from "./eks-api-authentication-mode";
import { eksClusterAdminAccess } from "./eks-cluster-admin-access";
import { eksControlPlaneLogging } from "./eks-control-plane-logging";
import { eksEndpointPrivate } from "./eks-endpoint-private";
import { eksKmsKeyRotation } from "./eks-kms-key-rotation";
import { eksLaunchTemplateEbsEncrypted } from "./eks-launch-template-ebs-encrypted";
import { eksLaunchTemplateImdsv2 } from "./eks-launch-template-imdsv2";
import { eksLaunchTemplateNoPublicIp } from "./eks-launch-template-no-public-ip";
import { eksNoBootstrapClusterCreatorAdmin } from "./eks-no-bootstrap-cluster-creator-admin";
import { eksNodeGroupImdsHardened } from "./eks-node-group-imds-hardened";
import { eksNodeGroupPrivateSubnets } from "./eks-node-group-private-subnets";
import { eksNodeGroupSshRestricted } from "./eks-node-group-ssh-restricted";
import { eksNodeUserDataNoSecrets } from "./eks-node-user-data-no-secrets";
import { eksPrivateAccessEnabled } from "./eks-private-access-enabled";
import { eksPublicAccessCidrs } from "./eks-public-access-cidrs";
import { eksSecretsEncryption } from "./eks-secrets-encryption";
import { eksVersionCurrency } from "./eks-version-currency";
import { eksVpcCniNetworkPolicy } from "./eks-vpc-cni-network-policy";

/** AWS EKS policies, in the order docs list them. */
export const awsPolicies = [
    // Control plane
    eksEndpointPrivate,
    eksPublicAccessCidrs,
    eksPrivateAccessEnabled,
    eksSecretsEncryption,
    eksControlPlaneLogging,
    eksVersionCurrency,
    // Identity
    eksApiAuthenticationMode,
    eksNoBootstrapClusterCreatorAdmin,
    eksClusterAdminAccess,
    // Nodes
    eksLaunchTemplateImdsv2,
    eksLaunchTemplateEbsEncrypted,
    eksLaunchTemplateNoPublicIp,
    eksNodeUserDataNoSecrets,
    eksNodeGroupImdsHardened,
    eksNodeGroupPrivateSubnets,
    eksNodeGroupSshRestricted,
    // Keys and network policy
    eksKmsKeyRotation,
    eksVpcCniNetworkPolicy,
];
