// The GKE program a new user starts from: Pulumi's kubernetes-gcp-typescript template (pulumi/templates,
// kubernetes-gcp-typescript/index.ts, 2026-08): a VPC-native cluster on Dataplane V2 with private nodes,
// Workload Identity and a STABLE release channel, whose default node pool is removed, a node service account
// and one NodePool. Its public endpoint is open to 0.0.0.0/0. Only the project lookup differs: the template
// requires `gcp:project`, which a capture under mocks does not set.
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";

const providerCfg = new pulumi.Config("gcp");
const gcpProject = providerCfg.get("project") ?? "acme-gke";
const gcpRegion = providerCfg.get("region") || "us-central1";
const cfg = new pulumi.Config();
const nodesPerZone = cfg.getNumber("nodesPerZone") || 1;

const gkeNetwork = new gcp.compute.Network("gke-network", {
    autoCreateSubnetworks: false,
    description: "A virtual network for your GKE cluster(s)",
});

const gkeSubnet = new gcp.compute.Subnetwork("gke-subnet", {
    ipCidrRange: "10.128.0.0/12",
    network: gkeNetwork.id,
    privateIpGoogleAccess: true,
});

const gkeCluster = new gcp.container.Cluster("gke-cluster", {
    addonsConfig: {
        dnsCacheConfig: {
            enabled: true,
        },
    },
    binaryAuthorization: {
        evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE",
    },
    datapathProvider: "ADVANCED_DATAPATH",
    description: "A GKE cluster",
    initialNodeCount: 1,
    ipAllocationPolicy: {
        clusterIpv4CidrBlock: "/14",
        servicesIpv4CidrBlock: "/20",
    },
    location: gcpRegion,
    masterAuthorizedNetworksConfig: {
        cidrBlocks: [{
            cidrBlock: "0.0.0.0/0",
            displayName: "All networks",
        }],
    },
    network: gkeNetwork.name,
    networkingMode: "VPC_NATIVE",
    privateClusterConfig: {
        enablePrivateNodes: true,
        enablePrivateEndpoint: false,
        masterIpv4CidrBlock: "10.100.0.0/28",
    },
    removeDefaultNodePool: true,
    releaseChannel: {
        channel: "STABLE",
    },
    subnetwork: gkeSubnet.name,
    workloadIdentityConfig: {
        workloadPool: `${gcpProject}.svc.id.goog`,
    },
});

const gkeNodepoolSa = new gcp.serviceaccount.Account("gke-nodepool-sa", {
    accountId: pulumi.interpolate`${gkeCluster.name}-np-1-sa`,
    displayName: "Nodepool 1 Service Account",
});

new gcp.container.NodePool("gke-nodepool", {
    cluster: gkeCluster.id,
    nodeCount: nodesPerZone,
    nodeConfig: {
        oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
        serviceAccount: gkeNodepoolSa.email,
    },
});

export const clusterName = gkeCluster.name;
export const clusterId = gkeCluster.id;
