// Single weakenings of the hardened GKE fixtures, each with the policy that must catch it: shared by the
// engine-runner test and the state-shape test of the GCP provider model.
import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import type { NodePoolArgs } from "@pulumi/gcp/container/nodePool";
import type { ResourceInput } from "../../engine/runner";
import { clusterType, hardenedAutopilot, hardenedCluster, hardenedPool, poolType } from "./fixtures";

export function standardStack(cluster: ClusterArgs = hardenedCluster(), pool: NodePoolArgs = hardenedPool()): ResourceInput[] {
    return [
        // Named like the hardened pool's `cluster`, so the pool links to it by name.
        { type: clusterType, name: "prod", props: { name: "hardened", ...cluster } },
        { type: poolType, name: "prod-general", props: pool },
    ];
}

export function autopilotStack(cluster: ClusterArgs = hardenedAutopilot()): ResourceInput[] {
    return [{ type: clusterType, name: "autopilot", props: cluster }];
}

/** What is weakened, how, and the policy that must report it. */
export type Weakening<T> = [string, (props: T) => void, string];

export const clusterWeakenings: Weakening<ClusterArgs>[] = [
    ["public nodes", (c) => { c.privateClusterConfig = { enablePrivateNodes: false, enablePrivateEndpoint: true }; }, "gke-private-nodes"],
    ["public endpoint", (c) => { c.privateClusterConfig = { enablePrivateNodes: true, enablePrivateEndpoint: false }; }, "gke-private-endpoint"],
    ["DNS endpoint open to the internet", (c) => { c.controlPlaneEndpointsConfig = { dnsEndpointConfig: { allowExternalTraffic: true } }; }, "gke-private-endpoint"],
    ["public endpoint open to 0.0.0.0/0", (c) => {
        c.privateClusterConfig = { enablePrivateNodes: true, enablePrivateEndpoint: false };
        c.masterAuthorizedNetworksConfig = { cidrBlocks: [{ cidrBlock: "0.0.0.0/0" }] };
    }, "gke-authorized-networks"],
    ["public endpoint without authorized networks", (c) => {
        c.privateClusterConfig = { enablePrivateNodes: true, enablePrivateEndpoint: false };
        delete c.masterAuthorizedNetworksConfig;
    }, "gke-authorized-networks"],
    ["alpha features", (c) => { c.enableKubernetesAlpha = true; }, "gke-no-kubernetes-alpha"],
    ["anonymous auth", (c) => { c.anonymousAuthenticationConfig = { mode: "ENABLED" }; }, "gke-anonymous-auth-limited"],
    ["no Workload Identity", (c) => { delete c.workloadIdentityConfig; }, "gke-workload-identity"],
    ["no Google Groups", (c) => { delete c.authenticatorGroupsConfig; }, "gke-google-groups-rbac"],
    ["insecure binding", (c) => { c.rbacBindingConfig = { enableInsecureBindingSystemAuthenticated: true, enableInsecureBindingSystemUnauthenticated: false }; }, "gke-no-insecure-rbac-bindings"],
    ["legacy ABAC", (c) => { c.enableLegacyAbac = true; }, "gke-no-legacy-abac"],
    ["client certificate", (c) => { c.masterAuth = { clientCertificateConfig: { issueClientCertificate: true } }; }, "gke-no-basic-auth-client-cert"],
    ["plain Secrets", (c) => { c.databaseEncryption = { state: "DECRYPTED" }; }, "gke-secrets-encryption"],
    ["no release channel", (c) => { c.releaseChannel = { channel: "UNSPECIFIED" }; }, "gke-release-channel"],
    ["shielded nodes off", (c) => { c.enableShieldedNodes = false; }, "gke-shielded-nodes"],
    ["expired version", (c) => { c.minMasterVersion = "1.29.15-gke.2725000"; }, "gke-version-supported"],
    ["legacy datapath", (c) => { c.datapathProvider = "LEGACY_DATAPATH"; }, "gke-network-policy"],
    ["routes-based", (c) => { c.networkingMode = "ROUTES"; delete c.ipAllocationPolicy; }, "gke-vpc-native"],
    ["intranode visibility off", (c) => { c.enableIntranodeVisibility = false; }, "gke-intranode-visibility"],
    ["logging off", (c) => { c.loggingService = "none"; }, "gke-logging-enabled"],
    ["workloads not logged", (c) => { c.loggingConfig = { enableComponents: ["SYSTEM_COMPONENTS"] }; }, "gke-logging-enabled"],
    ["legacy Stackdriver monitoring", (c) => { c.monitoringService = "monitoring.googleapis.com"; }, "gke-monitoring-enabled"],
    ["Calico without the network policy add-on", (c) => { c.datapathProvider = "LEGACY_DATAPATH"; c.networkPolicy = { enabled: true, provider: "CALICO" }; }, "gke-network-policy"],
    ["monitoring off", (c) => { c.monitoringService = "none"; }, "gke-monitoring-enabled"],
    ["Binary Authorization off", (c) => { c.binaryAuthorization = { evaluationMode: "DISABLED" }; }, "gke-binary-authorization"],
    ["security posture off", (c) => { c.securityPostureConfig = { mode: "DISABLED" }; }, "gke-security-posture"],
    ["default pool kept with default settings", (c) => { c.removeDefaultNodePool = false; }, "gke-no-default-service-account"],
];

export const poolWeakenings: Weakening<NodePoolArgs>[] = [
    ["public nodes", (p) => { p.networkConfig = { enablePrivateNodes: false }; }, "gke-private-nodes"],
    ["Compute Engine metadata", (p) => { nodeConfig(p).workloadMetadataConfig = { mode: "GCE_METADATA" }; }, "gke-metadata-server"],
    ["legacy metadata endpoints", (p) => { nodeConfig(p).metadata = { "disable-legacy-endpoints": "false" }; }, "gke-legacy-metadata-disabled"],
    ["default service account", (p) => { delete nodeConfig(p).serviceAccount; }, "gke-no-default-service-account"],
    ["cloud-platform on the default account", (p) => { nodeConfig(p).serviceAccount = "default"; }, "gke-no-cloud-platform-scope"],
    ["no boot-disk CMEK", (p) => { delete nodeConfig(p).bootDiskKmsKey; }, "gke-boot-disk-cmek"],
    ["auto-upgrade off", (p) => { p.management = { autoRepair: true, autoUpgrade: false }; }, "gke-node-auto-upgrade"],
    ["auto-repair off", (p) => { p.management = { autoRepair: false, autoUpgrade: true }; }, "gke-node-auto-repair"],
    ["Secure Boot off", (p) => { nodeConfig(p).shieldedInstanceConfig = { enableSecureBoot: false, enableIntegrityMonitoring: true }; }, "gke-secure-boot"],
    ["integrity monitoring off", (p) => { nodeConfig(p).shieldedInstanceConfig = { enableSecureBoot: true, enableIntegrityMonitoring: false }; }, "gke-integrity-monitoring"],
    ["Ubuntu image", (p) => { nodeConfig(p).imageType = "UBUNTU_CONTAINERD"; }, "gke-cos-containerd-image"],
    ["expired version", (p) => { p.version = "1.29.15-gke.2725000"; }, "gke-version-supported"],
];

export const autopilotWeakenings: Weakening<ClusterArgs>[] = [
    ["public nodes", (c) => { delete c.privateClusterConfig; }, "gke-private-nodes"],
    ["DNS endpoint open to the internet", (c) => { c.controlPlaneEndpointsConfig = { ipEndpointsConfig: { enabled: false }, dnsEndpointConfig: { allowExternalTraffic: true } }; }, "gke-private-endpoint"],
    ["public IP endpoint", (c) => { c.controlPlaneEndpointsConfig = { ipEndpointsConfig: { enabled: true } }; }, "gke-private-endpoint"],
    ["public IP endpoint without authorized networks", (c) => { c.controlPlaneEndpointsConfig = { ipEndpointsConfig: { enabled: true } }; }, "gke-authorized-networks"],
    ["default service account", (c) => { c.clusterAutoscaling = { autoProvisioningDefaults: { bootDiskKmsKey: "k" } }; }, "gke-no-default-service-account"],
    ["cloud-platform on the default account", (c) => { c.clusterAutoscaling = { autoProvisioningDefaults: { bootDiskKmsKey: "k", oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"] } }; }, "gke-no-cloud-platform-scope"],
    ["no boot-disk CMEK", (c) => { c.clusterAutoscaling = { autoProvisioningDefaults: { serviceAccount: "nodes@p.iam.gserviceaccount.com" } }; }, "gke-boot-disk-cmek"],
    ["no release channel", (c) => { c.releaseChannel = { channel: "UNSPECIFIED" }; }, "gke-release-channel"],
    ["plain Secrets", (c) => { delete c.databaseEncryption; }, "gke-secrets-encryption"],
    ["insecure binding", (c) => { c.rbacBindingConfig = { enableInsecureBindingSystemUnauthenticated: true, enableInsecureBindingSystemAuthenticated: false }; }, "gke-no-insecure-rbac-bindings"],
    ["anonymous auth", (c) => { delete c.anonymousAuthenticationConfig; }, "gke-anonymous-auth-limited"],
    ["no Google Groups", (c) => { delete c.authenticatorGroupsConfig; }, "gke-google-groups-rbac"],
    ["alpha features", (c) => { c.enableKubernetesAlpha = true; }, "gke-no-kubernetes-alpha"],
    ["legacy ABAC", (c) => { c.enableLegacyAbac = true; }, "gke-no-legacy-abac"],
    ["client certificate", (c) => { c.masterAuth = { clientCertificateConfig: { issueClientCertificate: true } }; }, "gke-no-basic-auth-client-cert"],
    ["expired version", (c) => { c.minMasterVersion = "1.29"; }, "gke-version-supported"],
    ["legacy Stackdriver logging", (c) => { c.loggingService = "logging.googleapis.com"; }, "gke-logging-enabled"],
    ["monitoring off", (c) => { c.monitoringService = "none"; }, "gke-monitoring-enabled"],
    ["Binary Authorization off", (c) => { delete c.binaryAuthorization; }, "gke-binary-authorization"],
    ["security posture off", (c) => { c.securityPostureConfig = { mode: "DISABLED" }; }, "gke-security-posture"],
];

function nodeConfig(pool: NodePoolArgs): Record<string, unknown> {
    return pool.nodeConfig as Record<string, unknown>;
}
