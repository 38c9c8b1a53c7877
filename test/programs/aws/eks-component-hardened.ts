// The @pulumi/eks cluster (v4.3.0, modelled in ./pulumi-eks) hardened by following the component fixes
// the pack gives on the default cluster, literally: component arguments where the component has one, and
// a `transforms` resource option where it has none (bootstrapClusterCreatorAdminPermissions, the node
// launch template's metadataOptions).
import * as aws from "@pulumi/aws";
import { privateNetwork } from "./private-network";
import * as eks from "./pulumi-eks";

const key = new aws.kms.Key("eks-secrets", { description: "EKS secrets envelope key", enableKeyRotation: true, deletionWindowInDays: 30 });

const { vpc, subnets } = privateNetwork();

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
