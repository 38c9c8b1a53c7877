// A hardened GKE Standard cluster that follows every GKE policy's remediation text as written: a VPC-native
// network with Cloud NAT, private nodes and a private endpoint, Workload Identity, Dataplane V2, a release
// channel, application-layer Secrets encryption and boot-disk CMEK with Cloud KMS keys the GKE and Compute Engine
// service agents may use, Binary Authorization with a project policy, and one NodePool whose nodes run as a
// dedicated least-privilege service account. Logging and monitoring stay at GKE's defaults; the pool leaves
// its metadata mode to the cluster's Workload Identity.
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";

const region = new pulumi.Config("gcp").get("region") ?? "us-central1";
const project = gcp.organizations.getProjectOutput({});
const projectId = project.apply((p) => p.projectId ?? "");

const network = new gcp.compute.Network("gke", { autoCreateSubnetworks: false });
const subnet = new gcp.compute.Subnetwork("gke-nodes", {
    network: network.id,
    region,
    ipCidrRange: "10.10.0.0/20",
    privateIpGoogleAccess: true,
    secondaryIpRanges: [
        { rangeName: "pods", ipCidrRange: "10.20.0.0/14" },
        { rangeName: "services", ipCidrRange: "10.24.0.0/20" },
    ],
});
// Private nodes reach the internet through Cloud NAT.
const router = new gcp.compute.Router("gke-egress", { network: network.id, region });
new gcp.compute.RouterNat("gke-egress", {
    router: router.name,
    region,
    natIpAllocateOption: "AUTO_ONLY",
    sourceSubnetworkIpRangesToNat: "ALL_SUBNETWORKS_ALL_IP_RANGES",
});

// Cloud KMS keys for Secrets (etcd) and node boot disks, usable by the GKE and Compute Engine service agents.
const keyRing = new gcp.kms.KeyRing("gke", { location: region });
const secretsKey = new gcp.kms.CryptoKey("gke-secrets", { keyRing: keyRing.id, rotationPeriod: "7776000s" });
const bootKey = new gcp.kms.CryptoKey("gke-boot", { keyRing: keyRing.id, rotationPeriod: "7776000s" });
const secretsKeyUser = new gcp.kms.CryptoKeyIAMMember("gke-secrets-agent", {
    cryptoKeyId: secretsKey.id,
    role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
    member: pulumi.interpolate`serviceAccount:service-${project.number}@container-engine-robot.iam.gserviceaccount.com`,
});
const bootKeyUser = new gcp.kms.CryptoKeyIAMMember("gke-boot-agent", {
    cryptoKeyId: bootKey.id,
    role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
    member: pulumi.interpolate`serviceAccount:service-${project.number}@compute-system.iam.gserviceaccount.com`,
});

// The nodes' own service account, with only the role GKE nodes need.
const nodeAccount = new gcp.serviceaccount.Account("gke-nodes", { accountId: "gke-nodes", displayName: "GKE nodes" });
new gcp.projects.IAMMember("gke-nodes", {
    project: projectId,
    role: "roles/container.defaultNodeServiceAccount",
    member: nodeAccount.member,
});

// Only attested images from the project's policy.
new gcp.binaryauthorization.Policy("gke", {
    globalPolicyEvaluationMode: "ENABLE",
    defaultAdmissionRule: { evaluationMode: "ALWAYS_DENY", enforcementMode: "ENFORCED_BLOCK_AND_AUDIT_LOG" },
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
}, { dependsOn: [secretsKeyUser] });

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
}, { dependsOn: [bootKeyUser] });

export const clusterName = cluster.name;
