// A hardened GKE Standard cluster that follows every GKE policy's remediation text as written: a VPC-native
// network with Cloud NAT, private nodes and a private endpoint, Workload Identity, Dataplane V2, a release
// channel, application-layer Secrets encryption and boot-disk CMEK with Cloud KMS keys the GKE and Compute Engine
// service agents may use, Binary Authorization with a project policy, and one NodePool whose nodes run as a
// dedicated least-privilege service account. Logging and monitoring stay at GKE's defaults; the pool leaves
// its metadata mode to the cluster's Workload Identity.
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { gkeFoundation } from "./gke-foundation";

const region = new pulumi.Config("gcp").get("region") ?? "us-central1";
const { projectId, network, subnet, secretsKey, bootKey, keyUsers, nodeAccount } = gkeFoundation("gke", {
    region,
    ipCidrRange: "10.10.0.0/20",
    secondaryIpRanges: [
        { rangeName: "pods", ipCidrRange: "10.20.0.0/14" },
        { rangeName: "services", ipCidrRange: "10.24.0.0/20" },
    ],
});

const cluster = new gcp.container.Cluster("gke", {
    location: region,
    network: network.id,
    subnetwork: subnet.id,
    deletionProtection: true,
    removeDefaultNodePool: true,
    initialNodeCount: 1,
    releaseChannel: { channel: "REGULAR" },
    networkingMode: "VPC_NATIVE",
    ipAllocationPolicy: { clusterSecondaryRangeName: "pods", servicesSecondaryRangeName: "services" },
    datapathProvider: "ADVANCED_DATAPATH",
    enableIntranodeVisibility: true,
    privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: true, masterIpv4CidrBlock: "172.16.0.0/28" },
    masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "10.10.0.0/20", displayName: "gke-nodes subnet" }] },
    masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
    anonymousAuthenticationConfig: { mode: "LIMITED" },
    authenticatorGroupsConfig: { securityGroup: "gke-security-groups@acme.example" },
    rbacBindingConfig: { enableInsecureBindingSystemAuthenticated: false, enableInsecureBindingSystemUnauthenticated: false },
    workloadIdentityConfig: { workloadPool: pulumi.interpolate`${projectId}.svc.id.goog` },
    enableShieldedNodes: true,
    databaseEncryption: { state: "ENCRYPTED", keyName: secretsKey.id },
    binaryAuthorization: { evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" },
    securityPostureConfig: { mode: "BASIC", vulnerabilityMode: "VULNERABILITY_BASIC" },
}, { dependsOn: keyUsers });

new gcp.container.NodePool("general", {
    cluster: cluster.id,
    location: region,
    nodeCount: 1,
    management: { autoRepair: true, autoUpgrade: true },
    nodeConfig: {
        machineType: "e2-standard-4",
        imageType: "COS_CONTAINERD",
        serviceAccount: nodeAccount.email,
        // With a dedicated account, IAM roles (not scopes) bound what nodes may do.
        oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
        shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
        bootDiskKmsKey: bootKey.id,
    },
}, { dependsOn: keyUsers });

export const clusterName = cluster.name;
