// A hardened GKE Autopilot cluster that follows the GKE policies' remediation text as written. GKE manages
// the nodes (Shielded nodes, Secure Boot, COS, auto-upgrade and repair, the GKE metadata server, Workload
// Identity, Dataplane V2 and intranode visibility are always on), so the program sets what Autopilot leaves to
// it: private nodes and a DNS-only control-plane endpoint, the node service account and boot-disk key Autopilot
// uses (clusterAutoscaling.autoProvisioningDefaults), Secrets encryption, Binary Authorization and RBAC hardening.
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { gkeFoundation } from "./gke-foundation";

const region = new pulumi.Config("gcp").get("region") ?? "us-central1";
const { network, subnet, secretsKey, bootKey, keyUsers, nodeAccount } = gkeFoundation("autopilot", { region, ipCidrRange: "10.30.0.0/20" });

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
