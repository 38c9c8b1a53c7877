// A hardened GKE Autopilot cluster that follows the GKE policies' remediation text as written. GKE manages
// the nodes (Shielded nodes, Secure Boot, COS, auto-upgrade and repair, the GKE metadata server, Workload
// Identity, Dataplane V2 and intranode visibility are always on), so the program sets what Autopilot leaves to
// it: private nodes and a DNS-only control-plane endpoint, the node service account and boot-disk key Autopilot
// uses (clusterAutoscaling.autoProvisioningDefaults), Secrets encryption, Binary Authorization and RBAC hardening.
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";

const region = new pulumi.Config("gcp").get("region") ?? "us-central1";
const project = gcp.organizations.getProjectOutput({});
const projectId = project.apply((p) => p.projectId ?? "");

const network = new gcp.compute.Network("autopilot", { autoCreateSubnetworks: false });
const subnet = new gcp.compute.Subnetwork("autopilot-nodes", { network: network.id, region, ipCidrRange: "10.30.0.0/20", privateIpGoogleAccess: true });
const router = new gcp.compute.Router("autopilot-egress", { network: network.id, region });
new gcp.compute.RouterNat("autopilot-egress", {
    router: router.name,
    region,
    natIpAllocateOption: "AUTO_ONLY",
    sourceSubnetworkIpRangesToNat: "ALL_SUBNETWORKS_ALL_IP_RANGES",
});

const keyRing = new gcp.kms.KeyRing("autopilot", { location: region });
const secretsKey = new gcp.kms.CryptoKey("autopilot-secrets", { keyRing: keyRing.id, rotationPeriod: "7776000s" });
const bootKey = new gcp.kms.CryptoKey("autopilot-boot", { keyRing: keyRing.id, rotationPeriod: "7776000s" });
const keyUsers = [
    new gcp.kms.CryptoKeyIAMMember("autopilot-secrets-agent", {
        cryptoKeyId: secretsKey.id,
        role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
        member: pulumi.interpolate`serviceAccount:service-${project.number}@container-engine-robot.iam.gserviceaccount.com`,
    }),
    new gcp.kms.CryptoKeyIAMMember("autopilot-boot-agent", {
        cryptoKeyId: bootKey.id,
        role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
        member: pulumi.interpolate`serviceAccount:service-${project.number}@compute-system.iam.gserviceaccount.com`,
    }),
];

const nodeAccount = new gcp.serviceaccount.Account("autopilot-nodes", { accountId: "autopilot-nodes", displayName: "Autopilot nodes" });
new gcp.projects.IAMMember("autopilot-nodes", {
    project: projectId,
    role: "roles/container.defaultNodeServiceAccount",
    member: nodeAccount.member,
});

new gcp.binaryauthorization.Policy("autopilot", {
    globalPolicyEvaluationMode: "ENABLE",
    defaultAdmissionRule: { evaluationMode: "ALWAYS_DENY", enforcementMode: "ENFORCED_BLOCK_AND_AUDIT_LOG" },
});

const cluster = new gcp.container.Cluster("autopilot", {
    location: region,
    enableAutopilot: true,
    network: network.id,
    subnetwork: subnet.id,
    deletionProtection: true,
    releaseChannel: { channel: "REGULAR" },
    privateClusterConfig: { enablePrivateNodes: true },
    controlPlaneEndpointsConfig: { ipEndpointsConfig: { enabled: false }, dnsEndpointConfig: { allowExternalTraffic: false } },
    masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
    anonymousAuthenticationConfig: { mode: "LIMITED" },
    authenticatorGroupsConfig: { securityGroup: "gke-security-groups@acme.example" },
    rbacBindingConfig: { enableInsecureBindingSystemAuthenticated: false, enableInsecureBindingSystemUnauthenticated: false },
    databaseEncryption: { state: "ENCRYPTED", keyName: secretsKey.id },
    binaryAuthorization: { evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" },
    securityPostureConfig: { mode: "BASIC", vulnerabilityMode: "VULNERABILITY_BASIC" },
    clusterAutoscaling: {
        autoProvisioningDefaults: {
            serviceAccount: nodeAccount.email,
            oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
            bootDiskKmsKey: bootKey.id,
        },
    },
}, { dependsOn: keyUsers });

export const clusterName = cluster.name;
