// A hardened EKS stack with @pulumi/aws that follows every AWS policy's remediation text literally: private
// API endpoint, envelope encryption with a rotating customer key, control-plane logs, standard support,
// access entries only, nodes in private subnets (NAT egress) launched from a launch template that
// requires IMDSv2 with hop limit 1 and encrypts the root volume, and the vpc-cni add-on enforcing network
// policies. It also has a self-managed node group (Auto Scaling group + launch template) hardened the same way.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { privateNetwork } from "./private-network";

const clusterName = "prod";
const assumeRole = (service: string) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: ["sts:AssumeRole", "sts:TagSession"] }] });

// eks-kms-key-rotation, eks-secrets-encryption: a customer-managed key that rotates.
const key = new aws.kms.Key("eks-secrets", { description: "EKS secrets envelope key", enableKeyRotation: true, deletionWindowInDays: 30 });

// eks-node-group-private-subnets: private subnets whose default route goes to a NAT gateway.
const { subnets } = privateNetwork();

const clusterRole = new aws.iam.Role("cluster", { assumeRolePolicy: assumeRole("eks.amazonaws.com") });
const clusterPolicy = new aws.iam.RolePolicyAttachment("cluster-policy", { role: clusterRole.name, policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy" });

// eks-control-plane-logging: the log group EKS writes to, with a retention period.
const logs = new aws.cloudwatch.LogGroup("control-plane", { name: `/aws/eks/${clusterName}/cluster`, retentionInDays: 90 });

const cluster = new aws.eks.Cluster(
    "prod",
    {
        name: clusterName,
        roleArn: clusterRole.arn,
        version: "1.35",
        vpcConfig: { subnetIds: subnets.map((s) => s.id), endpointPublicAccess: false, endpointPrivateAccess: true },
        encryptionConfig: { resources: ["secrets"], provider: { keyArn: key.arn } },
        enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
        upgradePolicy: { supportType: "STANDARD" },
        accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
    },
    { dependsOn: [clusterPolicy, logs] },
);

// eks-api-authentication-mode, eks-no-bootstrap-cluster-creator-admin, eks-cluster-admin-access: access is
// granted explicitly, with narrow policies.
const teamRole = new aws.iam.Role("team-a", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" }] }) });
const teamEntry = new aws.eks.AccessEntry("team-a", { clusterName: cluster.name, principalArn: teamRole.arn });
new aws.eks.AccessPolicyAssociation(
    "team-a-edit",
    {
        clusterName: cluster.name,
        principalArn: teamRole.arn,
        policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy",
        accessScope: { type: "namespace", namespaces: ["team-a"] },
    },
    { dependsOn: [teamEntry] },
);

// eks-vpc-cni-network-policy
new aws.eks.Addon("vpc-cni", { clusterName: cluster.name, addonName: "vpc-cni", configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }) });

const nodeRole = new aws.iam.Role("nodes", { assumeRolePolicy: assumeRole("ec2.amazonaws.com") });
["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"].forEach(
    (policy) => new aws.iam.RolePolicyAttachment(`nodes-${policy}`, { role: nodeRole.name, policyArn: `arn:aws:iam::aws:policy/${policy}` }),
);

// eks-launch-template-imdsv2, -ebs-encrypted, -no-public-ip (no network interface asks for a public IP).
const nodeTemplate = new aws.ec2.LaunchTemplate("prod-nodes", {
    metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: key.arn, volumeSize: 50 } }],
});

// eks-node-group-imds-hardened, eks-node-group-ssh-restricted (no remoteAccess).
new aws.eks.NodeGroup("prod-general", {
    clusterName: cluster.name,
    nodeRoleArn: nodeRole.arn,
    subnetIds: subnets.map((s) => s.id),
    scalingConfig: { desiredSize: 2, minSize: 1, maxSize: 4 },
    launchTemplate: { id: nodeTemplate.id, version: nodeTemplate.latestVersion.apply(String) },
});

// A self-managed node group: nodeadm user data joins the cluster; the Auto Scaling group carries the
// kubernetes.io/cluster tag self-managed nodes need.
const systemProfile = new aws.iam.InstanceProfile("system", { role: nodeRole.name });
new aws.eks.AccessEntry("system-nodes", { clusterName: cluster.name, principalArn: nodeRole.arn, type: "EC2_LINUX" });
const systemUserData = pulumi.all([cluster.name, cluster.endpoint, cluster.certificateAuthority]).apply(([name, endpoint, ca]) =>
    Buffer.from(
        "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"BOUNDARY\"\n\n--BOUNDARY\nContent-Type: application/node.eks.aws\n\n" +
            `---\napiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec:\n  cluster:\n    name: ${name}\n    apiServerEndpoint: ${endpoint}\n    certificateAuthority: ${ca.data}\n    cidr: 172.20.0.0/16\n` +
            "\n--BOUNDARY--\n",
    ).toString("base64"),
);
const systemTemplate = new aws.ec2.LaunchTemplate("prod-system", {
    imageId: aws.ssm.getParameterOutput({ name: "/aws/service/eks/optimized-ami/1.35/amazon-linux-2023/x86_64/standard/recommended/image_id" }).value,
    instanceType: "m6i.large",
    iamInstanceProfile: { name: systemProfile.name },
    userData: systemUserData,
    metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: key.arn, volumeSize: 50 } }],
});
new aws.autoscaling.Group("prod-system", {
    minSize: 1,
    maxSize: 3,
    desiredCapacity: 2,
    vpcZoneIdentifiers: subnets.map((s) => s.id),
    launchTemplate: { id: systemTemplate.id, version: systemTemplate.latestVersion.apply(String) },
    tags: [{ key: `kubernetes.io/cluster/${clusterName}`, value: "owned", propagateAtLaunch: true }],
});

export const endpoint = cluster.endpoint;
