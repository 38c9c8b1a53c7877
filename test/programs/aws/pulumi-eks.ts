// A model of `eks.Cluster` from @pulumi/eks v4.3.0 (tag v4.3.0 of pulumi/pulumi-eks, 2026-07-28), for
// the test programs: it registers the children the real component registers, with the same types, names,
// parents and props, so the pack sees what it sees from `new eks.Cluster("c")`. @pulumi/eks v4 is a
// multi-language component: the Node SDK registers `eks:index:Cluster` remotely and the provider builds
// the children with the component as parent; a local ComponentResource of the same type gives the same
// URNs (`...::eks:index:Cluster$aws:eks/cluster:Cluster::c-eksCluster`).
//
// Sources, all at v4.3.0: nodejs/eks/cluster/cluster.ts (createCore, createCluster), nodes/nodegroup.ts
// (createNodeGroupV2), nodes/securitygroup.ts, nodes/userdata.ts, nodes/ami.ts, servicerole.ts,
// addons/cni-addon.ts, cluster/authenticationMode.ts. Line numbers below are cluster.ts unless named.
//
// Supported arguments are the ones the programs use; anything else is ignored. Left out on purpose: the
// API-server health check the component runs at `pulumi up` when endpointPublicAccess is true (network
// I/O, no resources), Fargate, Auto Mode, storage classes (none by default: `args.storageClasses || {}`,
// line 1066), OIDC provider (createOidcProvider), creationRoleProvider.
//
// `transforms` on the component: the engine applies a component's transforms to every descendant,
// including the children of a packaged component. Mocks do not run transform callbacks, so this model
// applies them in-process, in order, before each child registers (synchronous transforms only).
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";

export const componentVersion = "4.3.0";

export interface AccessPolicyAssociation {
    policyArn: pulumi.Input<string>;
    accessScope: aws.types.input.eks.AccessPolicyAssociationAccessScope;
}

export interface AccessEntry {
    principalArn: pulumi.Input<string>;
    kubernetesGroups?: pulumi.Input<pulumi.Input<string>[]>;
    accessPolicies?: Record<string, pulumi.Input<AccessPolicyAssociation>>;
    type?: pulumi.Input<string>;
}

/** The subset of ClusterOptions (cluster.ts, interface ClusterOptions) the programs use. */
export interface ClusterOptions {
    name?: pulumi.Input<string>;
    vpcId?: pulumi.Input<string>;
    subnetIds?: pulumi.Input<pulumi.Input<string>[]>;
    publicSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
    privateSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
    nodeSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
    endpointPublicAccess?: pulumi.Input<boolean>;
    endpointPrivateAccess?: pulumi.Input<boolean>;
    publicAccessCidrs?: pulumi.Input<pulumi.Input<string>[]>;
    encryptionConfigKeyArn?: pulumi.Input<string>;
    enabledClusterLogTypes?: pulumi.Input<pulumi.Input<string>[]>;
    version?: pulumi.Input<string>;
    upgradePolicy?: aws.types.input.eks.ClusterUpgradePolicy;
    authenticationMode?: "API" | "API_AND_CONFIG_MAP" | "CONFIG_MAP";
    accessEntries?: Record<string, AccessEntry>;
    instanceType?: pulumi.Input<string>;
    nodeAssociatePublicIpAddress?: boolean;
    nodeRootVolumeEncrypted?: pulumi.Input<boolean>;
    vpcCniOptions?: { enableNetworkPolicy?: pulumi.Input<boolean> };
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

type Transform = (args: pulumi.ResourceTransformArgs) => pulumi.ResourceTransformResult | undefined;

/** Registers a child after applying the component's transforms, as the engine would. */
class ChildFactory {
    constructor(private readonly transforms: Transform[]) {}

    make<T, A extends object, O extends pulumi.ResourceOptions>(
        ctor: new (name: string, args: A, opts?: O) => T,
        name: string,
        args: A,
        opts: O,
    ): T {
        // Every provider resource class carries its type token (internal to the SDK's typings).
        const type = (ctor as unknown as { __pulumiType: string }).__pulumiType;
        let props = args as Record<string, unknown>;
        let options: pulumi.ResourceOptions = opts;
        for (const transform of this.transforms) {
            const result = transform({ custom: true, type, name, props, opts: options });
            if (result) [props, options] = [result.props, result.opts];
        }
        return new ctor(name, props as A, options as O);
    }
}

// servicerole.ts: sha1hash, the first 8 hex digits of the policy id's SHA-1.
const sha1hash = (s: string) => createHash("sha1").update(s).digest("hex").substring(0, 8);

/** servicerole.ts: the ServiceRole component, an IAM role with managed policies attached. */
class ServiceRole extends pulumi.ComponentResource {
    readonly directRole: aws.iam.Role;
    readonly resolvedRole: pulumi.Output<aws.iam.Role>;

    constructor(
        name: string,
        args: { service: string; description?: string; managedPolicyArns: { id: string; arn: pulumi.Input<string> }[]; tags?: ClusterOptions["tags"]; assumeRoleActions?: string[] },
        opts: pulumi.ComponentResourceOptions,
        children: ChildFactory,
    ) {
        super("eks:index:ServiceRole", name, args, opts);
        const assumeRolePolicy = JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Action: args.assumeRoleActions ?? ["sts:AssumeRole"], Effect: "Allow", Principal: { Service: [args.service] } }],
        });
        const role = children.make(aws.iam.Role, `${name}-role`, { description: args.description, assumeRolePolicy, tags: args.tags }, { parent: this });
        const attachments = args.managedPolicyArns.map((policy) =>
            children.make(aws.iam.RolePolicyAttachment, `${name}-${sha1hash(policy.id)}`, { policyArn: policy.arn, role }, { parent: this }),
        );
        this.directRole = role;
        this.resolvedRole = pulumi.all([role.arn, ...attachments.map((a) => a.id)]).apply(() => role);
        this.registerOutputs({ resolvedRole: this.resolvedRole, directRole: this.directRole });
    }
}

const boolString = (v: boolean) => (v ? "true" : "false");

/** addons/cni-addon.ts: VpcCniAddon, an aws.eks.Addon "vpc-cni" with the component's default env. */
class VpcCniAddon extends pulumi.ComponentResource {
    constructor(
        name: string,
        args: { clusterName: pulumi.Input<string>; clusterVersion: pulumi.Input<string>; enableNetworkPolicy?: pulumi.Input<boolean>; tags?: ClusterOptions["tags"] },
        opts: pulumi.ComponentResourceOptions,
        children: ChildFactory,
    ) {
        super("eks:index:VpcCniAddon", name, args, opts);
        const addonVersion = aws.eks.getAddonVersionOutput({ addonName: "vpc-cni", kubernetesVersion: args.clusterVersion, mostRecent: true }, { parent: this }).version;
        // computeEnv defaults (cni-addon.ts) and mergeConfigurationValues: env, init.env, enableNetworkPolicy only when set.
        const configurationValues = pulumi.output(args.enableNetworkPolicy).apply((enableNetworkPolicy) => ({
            ...(enableNetworkPolicy !== undefined ? { enableNetworkPolicy: boolString(enableNetworkPolicy) } : {}),
            env: {
                AWS_VPC_ENI_MTU: "9001",
                AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: "false",
                AWS_VPC_K8S_CNI_EXTERNALSNAT: "false",
                AWS_VPC_K8S_CNI_LOGLEVEL: "DEBUG",
                AWS_VPC_K8S_CNI_LOG_FILE: "/host/var/log/aws-routed-eni/ipamd.log",
                AWS_VPC_K8S_CNI_VETHPREFIX: "eni",
                AWS_VPC_K8S_PLUGIN_LOG_FILE: "/var/log/aws-routed-eni/plugin.log",
                AWS_VPC_K8S_PLUGIN_LOG_LEVEL: "DEBUG",
                ENABLE_POD_ENI: "false",
                WARM_ENI_TARGET: "1",
            },
            init: { env: { DISABLE_TCP_EARLY_DEMUX: "false" } },
        }));
        children.make(
            aws.eks.Addon,
            name,
            {
                clusterName: args.clusterName,
                addonVersion,
                addonName: "vpc-cni",
                resolveConflictsOnCreate: "OVERWRITE",
                resolveConflictsOnUpdate: "OVERWRITE",
                preserve: true,
                configurationValues: pulumi.jsonStringify(configurationValues),
                tags: args.tags,
            },
            { parent: this },
        );
        this.registerOutputs({});
    }
}

/** nodes/userdata.ts: nodeadm user data (AL2023, the default OS: nodes/ami.ts DEFAULT_OS), base64. */
function nodeadmUserData(cluster: { name: string; apiServerEndpoint: string; certificateAuthority: string; serviceCidr: string }): string {
    const yaml =
        "---\napiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec:\n  cluster:\n" +
        `    name: ${cluster.name}\n    apiServerEndpoint: ${cluster.apiServerEndpoint}\n    certificateAuthority: ${cluster.certificateAuthority}\n    cidr: ${cluster.serviceCidr}\n`;
    const text = `MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="BOUNDARY"\n\n--BOUNDARY\nContent-Type: application/node.eks.aws\n\n${yaml}\n--BOUNDARY--\n`;
    return Buffer.from(text, "utf-8").toString("base64");
}

/** nodes/nodegroup.ts computeWorkerSubnets: private subnets when there are any (no route to an internet gateway), else all. */
async function computeWorkerSubnets(parent: pulumi.Resource, subnetIds: string[]): Promise<string[]> {
    const publicSubnets: string[] = [];
    const privateSubnets: string[] = [];
    for (const subnetId of subnetIds) {
        let routeTable: aws.ec2.GetRouteTableResult;
        try {
            routeTable = await aws.ec2.getRouteTable({ subnetId }, { parent });
        } catch {
            const subnet = await aws.ec2.getSubnet({ id: subnetId }, { parent });
            const main = await aws.ec2.getRouteTables({ vpcId: subnet.vpcId, filters: [{ name: "association.main", values: ["true"] }] }, { parent });
            routeTable = await aws.ec2.getRouteTable({ routeTableId: main.ids[0] }, { parent });
        }
        const toInternet = routeTable.routes.some((r) => !!r.gatewayId && !/^(10\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.)/.test(r.cidrBlock));
        (toInternet ? publicSubnets : privateSubnets).push(subnetId);
    }
    return privateSubnets.length === 0 ? publicSubnets : privateSubnets;
}

export class Cluster extends pulumi.ComponentResource {
    readonly eksCluster: aws.eks.Cluster;

    constructor(name: string, args: ClusterOptions = {}, opts: pulumi.ComponentResourceOptions = {}) {
        const { transforms, ...rest } = opts;
        super("eks:index:Cluster", name, args, rest);
        const children = new ChildFactory((transforms ?? []) as Transform[]);
        const parent = this;
        const { partition } = aws.getPartitionOutput({}, { parent });

        // Lines 487-508: no vpcId -> the default VPC and all of its subnets.
        let vpcId: pulumi.Input<string> = args.vpcId!;
        let clusterSubnetIds: pulumi.Input<pulumi.Input<string>[]> = [];
        if (!args.vpcId) {
            const vpc = aws.ec2.getVpc({ default: true }, { parent });
            vpcId = vpc.then((v) => v.id);
            clusterSubnetIds = vpc.then((v) => aws.ec2.getSubnets({ filters: [{ name: "vpc-id", values: [v.id] }] }, { parent })).then((s) => s.ids);
        }
        if (args.subnetIds !== undefined) clusterSubnetIds = args.subnetIds;
        else if (args.publicSubnetIds !== undefined || args.privateSubnetIds !== undefined) {
            clusterSubnetIds = pulumi.all([args.publicSubnetIds ?? [], args.privateSubnetIds ?? []]).apply(([pub, priv]) => [...pub, ...priv]);
        }

        // Lines 526-551: the cluster's service role.
        const eksServiceRole = new ServiceRole(
            `${name}-eksRole`,
            {
                service: "eks.amazonaws.com",
                description: "Allows EKS to manage clusters on your behalf.",
                managedPolicyArns: [{ id: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy", arn: pulumi.interpolate`arn:${partition}:iam::aws:policy/AmazonEKSClusterPolicy` }],
                tags: args.tags,
                assumeRoleActions: ["sts:AssumeRole", "sts:TagSession"],
            },
            { parent },
            children,
        );

        // Lines 553-585: the cluster security group, open for egress.
        const clusterSecurityGroup = children.make(
            aws.ec2.SecurityGroup,
            `${name}-eksClusterSecurityGroup`,
            { vpcId, revokeRulesOnDelete: true, tags: pulumi.output(args.tags).apply((tags) => ({ Name: `${name}-eksClusterSecurityGroup`, ...tags })) },
            { parent },
        );
        children.make(
            aws.ec2.SecurityGroupRule,
            `${name}-eksClusterInternetEgressRule`,
            { description: "Allow internet access.", type: "egress", fromPort: 0, toPort: 0, protocol: "-1", cidrBlocks: ["0.0.0.0/0"], securityGroupId: clusterSecurityGroup.id },
            { parent },
        );

        // Lines 587-606: encryptionConfig only with encryptionConfigKeyArn, always for "secrets".
        const encryptionConfig = args.encryptionConfigKeyArn
            ? pulumi.output(args.encryptionConfigKeyArn).apply((keyArn) => ({ provider: { keyArn }, resources: ["secrets"] }))
            : undefined;

        // Lines 687-765: the cluster. vpcConfig holds subnets and the security group, plus the endpoint
        // arguments only when given; accessConfig only with authenticationMode, and then with
        // bootstrapClusterCreatorAdminPermissions: true (line 739).
        const eksCluster = children.make(
            aws.eks.Cluster,
            `${name}-eksCluster`,
            {
                name: args.name,
                roleArn: eksServiceRole.directRole.arn,
                bootstrapSelfManagedAddons: true,
                vpcConfig: {
                    securityGroupIds: [clusterSecurityGroup.id],
                    subnetIds: clusterSubnetIds,
                    endpointPrivateAccess: args.endpointPrivateAccess,
                    endpointPublicAccess: args.endpointPublicAccess,
                    publicAccessCidrs: args.publicAccessCidrs ? pulumi.output(args.publicAccessCidrs) : undefined,
                },
                version: args.version,
                enabledClusterLogTypes: args.enabledClusterLogTypes,
                tags: pulumi.output(args.tags).apply((tags) => ({ Name: `${name}-eksCluster`, ...tags })),
                encryptionConfig,
                accessConfig: args.authenticationMode ? { authenticationMode: args.authenticationMode, bootstrapClusterCreatorAdminPermissions: true } : undefined,
                upgradePolicy: args.upgradePolicy,
            },
            {
                parent,
                ignoreChanges: ["accessConfig.bootstrapClusterCreatorAdminPermissions", "bootstrapSelfManagedAddons"],
                dependsOn: [eksServiceRole.resolvedRole],
            },
        );
        this.eksCluster = eksCluster;

        // Lines 767-796: the kube-proxy managed add-on.
        const addonVersion = (addonName: string) =>
            aws.eks.getAddonVersionOutput({ addonName, kubernetesVersion: eksCluster.version, mostRecent: true }, { parent }).apply((v) => v.version);
        children.make(
            aws.eks.Addon,
            `${name}-kube-proxy`,
            {
                clusterName: eksCluster.name,
                addonName: "kube-proxy",
                preserve: true,
                tags: args.tags,
                resolveConflictsOnCreate: "OVERWRITE",
                resolveConflictsOnUpdate: "OVERWRITE",
                addonVersion: addonVersion("kube-proxy"),
            },
            { parent },
        );

        // Lines 845-924: the kubeconfig and the Kubernetes provider the component deploys with.
        const kubeconfig = pulumi.all([eksCluster.name, eksCluster.endpoint, eksCluster.certificateAuthority, eksCluster.arn]).apply(([clusterName, endpoint, ca, arn]) => ({
            apiVersion: "v1",
            clusters: [{ cluster: { server: endpoint, "certificate-authority-data": ca.data }, name: "kubernetes" }],
            contexts: [{ context: { cluster: "kubernetes", user: "aws" }, name: "aws" }],
            "current-context": "aws",
            kind: "Config",
            users: [{ name: "aws", user: { exec: { apiVersion: "client.authentication.k8s.io/v1beta1", command: "aws", args: ["--region", arn.split(":")[3], "eks", "get-token", "--cluster-name", clusterName, "--output", "json"] } } }],
        }));
        const k8sProvider = new k8s.Provider(`${name}-eks-k8s`, { kubeconfig: kubeconfig.apply(JSON.stringify) }, { parent });

        // Lines 944-996: the node instance role and instance profile.
        const instanceRole = new ServiceRole(
            `${name}-instanceRole`,
            {
                service: "ec2.amazonaws.com",
                managedPolicyArns: ["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"].map((p) => ({
                    id: `arn:aws:iam::aws:policy/${p}`,
                    arn: pulumi.interpolate`arn:${partition}:iam::aws:policy/${p}`,
                })),
                tags: args.tags,
            },
            { parent },
            children,
        ).resolvedRole;
        const instanceProfile = children.make(aws.iam.InstanceProfile, `${name}-instanceProfile`, { role: instanceRole }, { parent });

        // Lines 1001-1026: the aws-auth ConfigMap, unless authenticationMode is API.
        const authDependencies: pulumi.Resource[] = [];
        let nodeAccess: k8s.core.v1.ConfigMap | undefined;
        if (!args.authenticationMode || args.authenticationMode !== "API") {
            const mapRoles = instanceRole.arn.apply(
                (arn) => `- rolearn: ${arn}\n  username: system:node:{{EC2PrivateDNSName}}\n  groups:\n    - system:bootstrappers\n    - system:nodes\n`,
            );
            nodeAccess = new k8s.core.v1.ConfigMap(
                    `${name}-nodeAccess`,
                    {
                        apiVersion: "v1",
                        immutable: false,
                        metadata: { name: "aws-auth", namespace: "kube-system", annotations: { "pulumi.com/patchForce": "true" } },
                        data: { mapRoles },
                    },
                    { parent, provider: k8sProvider },
            );
            authDependencies.push(nodeAccess);
        }

        // Lines 1028-1058 and authenticationMode.ts createAccessEntries: access entries in the API modes.
        if (args.authenticationMode === "API" || args.authenticationMode === "API_AND_CONFIG_MAP") {
            const entries: Record<string, AccessEntry> = { defaultNodeGroupInstanceRole: { principalArn: instanceRole.arn, type: "EC2_LINUX" }, ...args.accessEntries };
            for (const [entryName, entry] of Object.entries(entries)) {
                const created = children.make(
                    aws.eks.AccessEntry,
                    `${name}-${entryName}`,
                    { principalArn: entry.principalArn, kubernetesGroups: entry.kubernetesGroups, type: entry.type, clusterName: eksCluster.name },
                    { parent, dependsOn: [eksCluster] },
                );
                authDependencies.push(created);
                for (const [associationName, association] of Object.entries(entry.accessPolicies ?? {})) {
                    const value = pulumi.output(association);
                    children.make(
                        aws.eks.AccessPolicyAssociation,
                        `${name}-${entryName}-${associationName}`,
                        { accessScope: value.accessScope, principalArn: entry.principalArn, policyArn: value.policyArn, clusterName: eksCluster.name },
                        { parent: created, dependsOn: [created] },
                    );
                }
            }
        }

        // Lines 1090-1113: the VPC CNI add-on component.
        const vpcCni = new VpcCniAddon(
            `${name}-vpc-cni`,
            { clusterName: eksCluster.name, clusterVersion: eksCluster.version, enableNetworkPolicy: args.vpcCniOptions?.enableNetworkPolicy, tags: args.tags },
            { parent, dependsOn: authDependencies },
            children,
        );

        // Lines 1181-1254: the coredns managed add-on (there is a default node group).
        children.make(
            aws.eks.Addon,
            `${name}-coredns`,
            {
                clusterName: eksCluster.name,
                addonName: "coredns",
                tags: args.tags,
                preserve: true,
                addonVersion: addonVersion("coredns"),
                resolveConflictsOnCreate: "OVERWRITE",
                resolveConflictsOnUpdate: "OVERWRITE",
            },
            { parent },
        );

        // Lines 2121-2150 and nodes/securitygroup.ts: the node security group and its rules.
        const nodeSecurityGroup = children.make(
            aws.ec2.SecurityGroup,
            `${name}-nodeSecurityGroup`,
            {
                vpcId,
                revokeRulesOnDelete: true,
                tags: pulumi.all([args.tags, eksCluster.name]).apply(([tags, clusterName]) => ({ Name: `${name}-nodeSecurityGroup`, [`kubernetes.io/cluster/${clusterName}`]: "owned", ...tags })),
            },
            { parent },
        );
        const rule = (ruleName: string, props: aws.ec2.SecurityGroupRuleArgs) => children.make(aws.ec2.SecurityGroupRule, `${name}-${ruleName}`, props, { parent });
        rule("eksNodeIngressRule", { description: "Allow nodes to communicate with each other", type: "ingress", fromPort: 0, toPort: 0, protocol: "-1", securityGroupId: nodeSecurityGroup.id, self: true });
        rule("eksNodeClusterIngressRule", {
            description: "Allow worker Kubelets and pods to receive communication from the cluster control plane",
            type: "ingress",
            fromPort: 1025,
            toPort: 65535,
            protocol: "tcp",
            securityGroupId: nodeSecurityGroup.id,
            sourceSecurityGroupId: clusterSecurityGroup.id,
        });
        rule("eksExtApiServerClusterIngressRule", {
            description: "Allow pods running extension API servers on port 443 to receive communication from cluster control plane",
            type: "ingress",
            fromPort: 443,
            toPort: 443,
            protocol: "tcp",
            securityGroupId: nodeSecurityGroup.id,
            sourceSecurityGroupId: clusterSecurityGroup.id,
        });
        rule("eksNodeInternetEgressRule", { description: "Allow internet access.", type: "egress", fromPort: 0, toPort: 0, protocol: "-1", cidrBlocks: ["0.0.0.0/0"], securityGroupId: nodeSecurityGroup.id });
        const clusterIngressRule = rule("eksClusterIngressRule", {
            description: "Allow pods to communicate with the cluster API Server",
            type: "ingress",
            fromPort: 443,
            toPort: 443,
            protocol: "tcp",
            securityGroupId: clusterSecurityGroup.id,
            sourceSecurityGroupId: nodeSecurityGroup.id,
        });

        // nodes/nodegroup.ts createNodeGroupV2 (line 1068): the default self-managed node group.
        const serviceCidr = eksCluster.kubernetesNetworkConfig.apply((c) => (c.ipFamily === "ipv6" ? c.serviceIpv6Cidr : c.serviceIpv4Cidr));
        const userData = pulumi
            .all([eksCluster.name, eksCluster.endpoint, eksCluster.certificateAuthority, serviceCidr])
            .apply(([clusterName, endpoint, ca, cidr]) => nodeadmUserData({ name: clusterName, apiServerEndpoint: endpoint, certificateAuthority: ca.data, serviceCidr: cidr }));
        // getRecommendedAMI: the AL2023 x86_64 standard image for the cluster's version (nodes/ami.ts).
        const amiId = eksCluster.version.apply(
            (version) => aws.ssm.getParameter({ name: `/aws/service/eks/optimized-ami/${version}/amazon-linux-2023/x86_64/standard/recommended/image_id` }, { parent }).then((p) => p.value),
        );
        const amiInfo = amiId.apply((id) => aws.ec2.getAmi({ owners: ["self", "amazon"], includeDeprecated: true, filters: [{ name: "image-id", values: [id] }] }, { parent }));
        // Lines 1355-1413: AL2023 keeps the AMI's block devices unless a root volume argument is given, so the
        // default is `blockDeviceMappings: []`.
        const blockDeviceMappings =
            args.nodeRootVolumeEncrypted === undefined
                ? []
                : [{ deviceName: amiInfo.apply((a) => a.blockDeviceMappings[0].deviceName), ebs: { encrypted: pulumi.output(args.nodeRootVolumeEncrypted).apply(boolString) } }];
        const launchTemplate = children.make(
            aws.ec2.LaunchTemplate,
            `${name}-launchTemplate`,
            {
                imageId: amiId,
                instanceType: args.instanceType ?? "t3.medium",
                iamInstanceProfile: { name: instanceProfile.name },
                blockDeviceMappings,
                // Line 1433: String(args.nodeAssociatePublicIpAddress ?? true); metadataOptions (line 1447) comes
                // from NodeGroupV2 options, which eks.Cluster never sets.
                networkInterfaces: [
                    {
                        associatePublicIpAddress: String(args.nodeAssociatePublicIpAddress ?? true),
                        securityGroups: pulumi.all([nodeSecurityGroup.id, clusterIngressRule.id]).apply(([sg]) => [sg]),
                    },
                ],
                userData,
            },
            { parent },
        );
        const workerSubnetIds =
            args.nodeSubnetIds !== undefined
                ? pulumi.output(args.nodeSubnetIds)
                : args.privateSubnetIds !== undefined
                  ? pulumi.output(args.privateSubnetIds)
                  : args.publicSubnetIds !== undefined
                    ? pulumi.output(args.publicSubnetIds)
                    : pulumi.output(clusterSubnetIds).apply((ids) => computeWorkerSubnets(parent, ids));
        children.make(
            aws.autoscaling.Group,
            name,
            {
                minSize: 1,
                maxSize: 2,
                desiredCapacity: 2,
                launchTemplate: { name: launchTemplate.name, version: launchTemplate.latestVersion.apply((v) => v.toString()) },
                vpcZoneIdentifiers: workerSubnetIds,
                instanceRefresh: { strategy: "Rolling", preferences: { minHealthyPercentage: 50 } },
                tags: eksCluster.name.apply((clusterName) => [
                    { value: "owned", key: `kubernetes.io/cluster/${clusterName}`, propagateAtLaunch: true },
                    { key: "Name", value: `${clusterName}-worker`, propagateAtLaunch: true },
                ]),
            },
            // nodeGroupDeps (nodes/nodegroup.ts): the VPC CNI add-on and the aws-auth ConfigMap.
            { parent, dependsOn: [vpcCni, ...(nodeAccess ? [nodeAccess] : [])] },
        );
        this.registerOutputs({ eksCluster });
    }
}
