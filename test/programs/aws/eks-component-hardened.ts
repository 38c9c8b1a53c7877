// The @pulumi/eks cluster (v4.3.0, modelled in ./pulumi-eks) hardened by following the component fixes
// the pack gives on the default cluster, literally: component arguments where the component has one, and
// a `transforms` resource option where it has none (bootstrapClusterCreatorAdminPermissions, the node
// launch template's metadataOptions).
import * as aws from "@pulumi/aws";
import * as eks from "./pulumi-eks";

const key = new aws.kms.Key("eks-secrets", { description: "EKS secrets envelope key", enableKeyRotation: true, deletionWindowInDays: 30 });

// Private subnets with a NAT gateway for egress; the NAT gateway's public subnet is not given to EKS.
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, enableDnsSupport: true });
const internet = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id });
const edge = new aws.ec2.Subnet("edge-a", { vpcId: vpc.id, cidrBlock: "10.0.100.0/24", availabilityZone: "eu-west-1a", mapPublicIpOnLaunch: true });
const edgeRoutes = new aws.ec2.RouteTable("edge", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: internet.id }] });
new aws.ec2.RouteTableAssociation("edge-a", { subnetId: edge.id, routeTableId: edgeRoutes.id });
const nat = new aws.ec2.NatGateway("nat", { subnetId: edge.id, allocationId: new aws.ec2.Eip("nat", { domain: "vpc" }).id });
const privateRoutes = new aws.ec2.RouteTable("private", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }] });
const subnets = ["a", "b"].map(
    (zone, i) => new aws.ec2.Subnet(`private-${zone}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24`, availabilityZone: `eu-west-1${zone}`, mapPublicIpOnLaunch: false }),
);
subnets.forEach((subnet, i) => new aws.ec2.RouteTableAssociation(`private-${i}`, { subnetId: subnet.id, routeTableId: privateRoutes.id }));

const team = new aws.iam.Role("team-a", {
    assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" }] }),
});

const cluster = new eks.Cluster(
    "c",
    {
        vpcId: vpc.id,
        privateSubnetIds: subnets.map((s) => s.id),
        endpointPublicAccess: false,
        endpointPrivateAccess: true,
        encryptionConfigKeyArn: key.arn,
        enabledClusterLogTypes: ["api", "audit", "authenticator"],
        version: "1.35",
        upgradePolicy: { supportType: "STANDARD" },
        authenticationMode: "API",
        accessEntries: {
            teamA: {
                principalArn: team.arn,
                accessPolicies: { edit: { policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy", accessScope: { type: "namespace", namespaces: ["team-a"] } } },
            },
        },
        nodeAssociatePublicIpAddress: false,
        nodeRootVolumeEncrypted: true,
        vpcCniOptions: { enableNetworkPolicy: true },
    },
    {
        transforms: [
            ({ type, props, opts }) =>
                type === "aws:eks/cluster:Cluster" ? { props: { ...props, accessConfig: { ...props.accessConfig, bootstrapClusterCreatorAdminPermissions: false } }, opts } : undefined,
            ({ type, props, opts }) =>
                type === "aws:ec2/launchTemplate:LaunchTemplate"
                    ? { props: { ...props, metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 } }, opts }
                    : undefined,
        ],
    },
);

export const clusterName = cluster.eksCluster.name;
