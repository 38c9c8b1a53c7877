// A hardened EKS stack, typed as @pulumi/aws inputs, shared by the AWS policy tests and the end-to-end
// test. Links between resources are the IDs, names and ARNs the engine sends (outputs `id`, `arn` added).
import type { GroupArgs } from "@pulumi/aws/autoscaling/group";
import type { LaunchConfigurationArgs } from "@pulumi/aws/ec2/launchConfiguration";
import type { LaunchTemplateArgs } from "@pulumi/aws/ec2/launchTemplate";
import type { SubnetArgs } from "@pulumi/aws/ec2/subnet";
import type { AccessPolicyAssociationArgs } from "@pulumi/aws/eks/accessPolicyAssociation";
import type { AddonArgs } from "@pulumi/aws/eks/addon";
import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import type { NodeGroupArgs } from "@pulumi/aws/eks/nodeGroup";
import type { KeyArgs } from "@pulumi/aws/kms/key";

export const types = {
    cluster: "aws:eks/cluster:Cluster",
    nodeGroup: "aws:eks/nodeGroup:NodeGroup",
    addon: "aws:eks/addon:Addon",
    accessPolicyAssociation: "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    subnet: "aws:ec2/subnet:Subnet",
    kmsKey: "aws:kms/key:Key",
    autoScalingGroup: "aws:autoscaling/group:Group",
    launchConfiguration: "aws:ec2/launchConfiguration:LaunchConfiguration",
    accessEntry: "aws:eks/accessEntry:AccessEntry",
};

/** The URN of a resource, created inside the given components (outermost first). */
export const urnOf = (type: string, name: string, components: string[] = []) => `urn:pulumi:test::test::${[...components, type].join("$")}::${name}`;

/** URN and parent of a resource that the @pulumi/eks cluster component "c" made. */
export const madeByCluster = (type: string, name: string) => ({ urn: urnOf(type, name, ["eks:index:Cluster"]), parent: urnOf("eks:index:Cluster", "c") });

export const account = "111122223333";
export const keyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
export const keyArn = `arn:aws:kms:eu-west-1:${account}:key/${keyId}`;
export const launchTemplateId = "lt-0123456789abcdef0";

/** Output fields a stack policy resolves links by. */
interface Outputs {
    id: string;
    arn?: string;
    [key: string]: unknown;
}

export const cluster = (): ClusterArgs => ({
    name: "prod",
    roleArn: `arn:aws:iam::${account}:role/eks-cluster`,
    version: "1.35",
    vpcConfig: {
        subnetIds: ["subnet-0aaa", "subnet-0bbb"],
        endpointPublicAccess: false,
        endpointPrivateAccess: true,
    },
    encryptionConfig: { resources: ["secrets"], provider: { keyArn } },
    enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
    upgradePolicy: { supportType: "STANDARD" },
    accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
});

export const kmsKey = (): KeyArgs => ({ description: "EKS secrets envelope key", enableKeyRotation: true, deletionWindowInDays: 30 });

export const launchTemplate = (): LaunchTemplateArgs => ({
    name: "prod-nodes",
    metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: keyArn, volumeSize: 50, volumeType: "gp3" } }],
    networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "false" }],
});

export const subnet = (az: string, cidrBlock: string): SubnetArgs => ({
    vpcId: "vpc-0123",
    availabilityZone: az,
    cidrBlock,
    mapPublicIpOnLaunch: false,
});

export const nodeGroup = (): NodeGroupArgs => ({
    clusterName: "prod",
    nodeRoleArn: `arn:aws:iam::${account}:role/eks-nodes`,
    subnetIds: ["subnet-0aaa", "subnet-0bbb"],
    scalingConfig: { desiredSize: 2, minSize: 1, maxSize: 4 },
    launchTemplate: { id: launchTemplateId, version: "1" },
});

export const vpcCni = (): AddonArgs => ({
    clusterName: "prod",
    addonName: "vpc-cni",
    configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }),
});

export const accessPolicyAssociation = (): AccessPolicyAssociationArgs => ({
    clusterName: "prod",
    principalArn: `arn:aws:iam::${account}:role/team-a`,
    policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy",
    accessScope: { type: "namespace", namespaces: ["team-a"] },
});

export interface StackEntry {
    type: string;
    name: string;
    props: object;
    urn?: string;
    parent?: string;
    /** Input property -> URNs it was computed from (known even in a first preview). */
    propertyDependencies?: Record<string, string[]>;
}

/** The hardened stack: every resource with the outputs other resources link to. */
export function hardenedStack(): StackEntry[] {
    const out = <T extends object>(args: T, outputs: Outputs): T & Outputs => ({ ...args, ...outputs });
    return [
        { type: types.kmsKey, name: "eks-secrets", props: out(kmsKey(), { id: keyId, keyId, arn: keyArn }) },
        { type: types.subnet, name: "private-a", props: out(subnet("eu-west-1a", "10.0.1.0/24"), { id: "subnet-0aaa" }) },
        { type: types.subnet, name: "private-b", props: out(subnet("eu-west-1b", "10.0.2.0/24"), { id: "subnet-0bbb" }) },
        { type: types.cluster, name: "prod", props: out(cluster(), { id: "prod", arn: `arn:aws:eks:eu-west-1:${account}:cluster/prod` }) },
        { type: types.launchTemplate, name: "prod-nodes", props: out(launchTemplate(), { id: launchTemplateId, arn: `arn:aws:ec2:eu-west-1:${account}:launch-template/${launchTemplateId}` }) },
        { type: types.nodeGroup, name: "prod-general", props: out(nodeGroup(), { id: "prod:general" }) },
        { type: types.addon, name: "vpc-cni", props: out(vpcCni(), { id: "prod:vpc-cni" }) },
        { type: types.accessPolicyAssociation, name: "team-a-edit", props: out(accessPolicyAssociation(), { id: "prod#team-a" }) },
    ];
}

/** A copy of the stack with one resource's props replaced. */
export function withProps(stack: StackEntry[], name: string, change: (props: Record<string, unknown>) => Record<string, unknown>): StackEntry[] {
    return stack.map((r) => (r.name === name ? { ...r, props: change(JSON.parse(JSON.stringify(r.props)) as Record<string, unknown>) } : r));
}

/** nodeadm user data (AL2023) that joins cluster "prod", base64 as launch templates take it. */
export const nodeadmUserData = Buffer.from(
    "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"BOUNDARY\"\n\n--BOUNDARY\nContent-Type: application/node.eks.aws\n\n" +
        "---\napiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec:\n  cluster:\n    name: prod\n\n--BOUNDARY--\n",
).toString("base64");

export const systemTemplateId = "lt-0system000000000";

export const autoScalingGroup = (): GroupArgs => ({
    minSize: 1,
    maxSize: 3,
    vpcZoneIdentifiers: ["subnet-0aaa", "subnet-0bbb"],
    launchTemplate: { id: systemTemplateId, version: "1" },
    tags: [{ key: "kubernetes.io/cluster/prod", value: "owned", propagateAtLaunch: true }],
});

export const launchConfiguration = (): LaunchConfigurationArgs => ({
    name: "legacy-nodes",
    imageId: "ami-0eks",
    instanceType: "m6i.large",
    associatePublicIpAddress: false,
    metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
    rootBlockDevice: { encrypted: true, volumeSize: 50 },
});

/** The hardened stack plus a self-managed node group: an Auto Scaling group (tagged for EKS) and its launch template. */
export function selfManagedStack(): StackEntry[] {
    return [
        ...hardenedStack(),
        { type: types.launchTemplate, name: "system-nodes", props: { ...launchTemplate(), name: "system-nodes", id: systemTemplateId } },
        { type: types.autoScalingGroup, name: "system", props: { ...autoScalingGroup(), id: "system", name: "system" } },
    ];
}
