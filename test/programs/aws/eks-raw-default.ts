// The insecure default a new user writes with @pulumi/aws alone: a VPC with public subnets (as in the
// EKS getting-started guide's public-only VPC), the cluster and node IAM roles, an aws.eks.Cluster with
// only its subnets, and an aws.eks.NodeGroup with defaults (no launch template).
import * as aws from "@pulumi/aws";

const assumeRole = (service: string) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: ["sts:AssumeRole", "sts:TagSession"] }] });

const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, enableDnsSupport: true });
const internet = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id });
const publicRoutes = new aws.ec2.RouteTable("public", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: internet.id }] });
const subnets = ["a", "b"].map(
    (zone, i) => new aws.ec2.Subnet(`public-${zone}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24`, availabilityZone: `eu-west-1${zone}`, mapPublicIpOnLaunch: true }),
);
subnets.forEach((subnet, i) => new aws.ec2.RouteTableAssociation(`public-${i}`, { subnetId: subnet.id, routeTableId: publicRoutes.id }));

const clusterRole = new aws.iam.Role("cluster", { assumeRolePolicy: assumeRole("eks.amazonaws.com") });
new aws.iam.RolePolicyAttachment("cluster-policy", { role: clusterRole.name, policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy" });

const cluster = new aws.eks.Cluster("cluster", {
    roleArn: clusterRole.arn,
    vpcConfig: { subnetIds: subnets.map((s) => s.id) },
});

const nodeRole = new aws.iam.Role("nodes", { assumeRolePolicy: assumeRole("ec2.amazonaws.com") });
["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"].forEach(
    (policy) => new aws.iam.RolePolicyAttachment(`nodes-${policy}`, { role: nodeRole.name, policyArn: `arn:aws:iam::aws:policy/${policy}` }),
);

new aws.eks.NodeGroup("nodes", {
    clusterName: cluster.name,
    nodeRoleArn: nodeRole.arn,
    subnetIds: subnets.map((s) => s.id),
    scalingConfig: { desiredSize: 2, minSize: 1, maxSize: 3 },
});

export const clusterName = cluster.name;
