import { gkeAnonymousAuthLimited } from "./gke-anonymous-auth-limited";
import { gkeAuthorizedNetworks } from "./gke-authorized-networks";
import { gkeBinaryAuthorization } from "./gke-binary-authorization";
import { gkeBootDiskCmek } from "./gke-boot-disk-cmek";
import { gkeCosContainerdImage } from "./gke-cos-containerd-image";
import { gkeGoogleGroupsRbac } from "./gke-google-groups-rbac";
import { gkeIntegrityMonitoring } from "./gke-integrity-monitoring";
import { gkeIntranodeVisibility } from "./gke-intranode-visibility";
import { gkeLegacyMetadataDisabled } from "./gke-legacy-metadata-disabled";
import { gkeLoggingEnabled } from "./gke-logging-enabled";
import { gkeMetadataServer } from "./gke-metadata-server";
import { gkeMonitoringEnabled } from "./gke-monitoring-enabled";
import { gkeNetworkPolicy } from "./gke-network-policy";
import { gkeNoBasicAuthClientCert } from "./gke-no-basic-auth-client-cert";
import { gkeNoCloudPlatformScope } from "./gke-no-cloud-platform-scope";
import { gkeNoDefaultServiceAccount } from "./gke-no-default-service-account";
import { gkeNoInsecureRbacBindings } from "./gke-no-insecure-rbac-bindings";
import { gkeNoKubernetesAlpha } from "./gke-no-kubernetes-alpha";
import { gkeNoLegacyAbac } from "./gke-no-legacy-abac";
import { gkeNodeAutoRepair } from "./gke-node-auto-repair";
import { gkeNodeAutoUpgrade } from "./gke-node-auto-upgrade";
import { gkePrivateEndpoint } from "./gke-private-endpoint";
import { gkePrivateNodes } from "./gke-private-nodes";
import { gkeReleaseChannel } from "./gke-release-channel";
import { gkeSecretsEncryption } from "./gke-secrets-encryption";
import { gkeSecureBoot } from "./gke-secure-boot";
import { gkeSecurityPosture } from "./gke-security-posture";
import { gkeShieldedNodes } from "./gke-shielded-nodes";
import { gkeVersionSupported } from "./gke-version-supported";
import { gkeVpcNative } from "./gke-vpc-native";
import { gkeWorkloadIdentity } from "./gke-workload-identity";

/** Google GKE policies, in the order docs list them. */
export const gcpPolicies = [
    // Control plane access
    gkePrivateNodes,
    gkePrivateEndpoint,
    gkeAuthorizedNetworks,
    gkeNoKubernetesAlpha,
    gkeAnonymousAuthLimited,
    // Instance metadata and identity
    gkeWorkloadIdentity,
    gkeMetadataServer,
    gkeLegacyMetadataDisabled,
    gkeNoDefaultServiceAccount,
    gkeNoCloudPlatformScope,
    gkeGoogleGroupsRbac,
    gkeNoInsecureRbacBindings,
    gkeNoLegacyAbac,
    gkeNoBasicAuthClientCert,
    // Encryption
    gkeSecretsEncryption,
    gkeBootDiskCmek,
    // Upgrades and node integrity
    gkeReleaseChannel,
    gkeNodeAutoUpgrade,
    gkeNodeAutoRepair,
    gkeShieldedNodes,
    gkeSecureBoot,
    gkeIntegrityMonitoring,
    gkeCosContainerdImage,
    gkeVersionSupported,
    // Network, logging, supply chain
    gkeNetworkPolicy,
    gkeVpcNative,
    gkeIntranodeVisibility,
    gkeLoggingEnabled,
    gkeMonitoringEnabled,
    gkeBinaryAuthorization,
    gkeSecurityPosture,
];
