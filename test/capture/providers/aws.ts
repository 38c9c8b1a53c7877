// pulumi-aws is bridged from the Terraform provider (terraform-provider-aws): outputs are the inputs plus
// `id` and every computed attribute. What this model fills in follows the resource schemas there:
// - `Default` fields are known even in a preview (the bridge applies them at Check), e.g.
//   vpc_config.endpoint_public_access = true (internal/service/eks/cluster.go);
// - `Computed` (and `Optional`+`Computed`) fields the program left out are unknown in a preview and hold
//   what AWS returned at `pulumi up`, e.g. access_config, upgrade_policy, version, public_access_cidrs;
// - `name` is auto-named by Pulumi at Check (`<name>-<7 hex>`), so it is known in a preview.
// Cross-resource computed values (the id of the launch template a node group names only by name) are
// left as the program gave them: the model answers one resource at a time.
import { createHash } from "crypto";
import { unknownSentinels } from "../../../engine/wire";
import { fakeId, type Mode, type ProviderAnswer, type ProviderModel, type RegisteredResource, withDefault } from "../model";

type Outputs = Record<string, unknown>;
type Kind = keyof typeof unknownSentinels;

const account = "111122223333";
const region = "eu-west-1";

/** A value AWS computes: unknown in a preview, `upValue` at `pulumi up`; kept when the program set it. */
function computed(out: Outputs, path: readonly string[], kind: Kind, upValue: unknown, mode: Mode): Outputs {
    return withDefault(out, path, mode === "preview" ? unknownSentinels[kind] : upValue);
}

/** Computed values the program cannot set. */
function computedOnly(out: Outputs, values: Record<string, [Kind, unknown]>, mode: Mode): Outputs {
    let next = out;
    for (const [key, [kind, upValue]] of Object.entries(values)) next = computed(next, [key], kind, upValue, mode);
    return next;
}

/** A schema default (`Default:`): known in a preview too. */
function defaults(out: Outputs, values: Record<string, unknown>): Outputs {
    let next = out;
    for (const [path, value] of Object.entries(values)) next = withDefault(next, path.split("."), value);
    return next;
}

const isObject = (v: unknown): v is Outputs => typeof v === "object" && v !== null && !Array.isArray(v);
const hex = (seed: string, length: number) => createHash("sha1").update(seed).digest("hex").slice(0, length);

/** Pulumi's auto-name, stable per URN: `<name>-<7 hex>`. */
const autoName = (r: RegisteredResource) => `${r.name}-${hex(r.urn, 7)}`;

/** Types whose `name` Pulumi auto-names (the bridge's SetAutonaming applies to every optional `name`). */
const autoNamed = new Set([
    "aws:eks/cluster:Cluster",
    "aws:ec2/launchTemplate:LaunchTemplate",
    "aws:ec2/launchConfiguration:LaunchConfiguration",
    "aws:autoscaling/group:Group",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:iam/role:Role",
    "aws:iam/instanceProfile:InstanceProfile",
    "aws:iam/policy:Policy",
    "aws:cloudwatch/logGroup:LogGroup",
]);

const arnOf = (service: string, resource: string, regional = true) => `arn:aws:${service}:${regional ? region : ""}:${account}:${resource}`;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

interface TypeModel {
    /** The physical id at `pulumi up`, from the outputs filled so far. */
    id(out: Outputs, r: RegisteredResource): string;
    /** Fills defaults and computed fields for the mode. */
    fill?(out: Outputs, mode: Mode, id: string, r: RegisteredResource): Outputs;
    /** False for types without an `arn` output. */
    arn?: false | ((id: string, out: Outputs) => string);
}

const types: Record<string, TypeModel> = {
    // internal/service/eks/cluster.go
    "aws:eks/cluster:Cluster": {
        id: (out) => str(out.name)!,
        arn: (id) => arnOf("eks", `cluster/${id}`),
        fill: (out, mode, id) => {
            let o = defaults(out, {
                bootstrapSelfManagedAddons: true,
                "vpcConfig.endpointPrivateAccess": false,
                "vpcConfig.endpointPublicAccess": true,
            });
            // access_config: Optional+Computed block; bootstrap_cluster_creator_admin_permissions Default true,
            // authentication_mode Optional+Computed (EKS uses CONFIG_MAP when none is given). Read back with
            // bootstrap true when the program set no access_config (resourceClusterRead).
            if (isObject(o.accessConfig)) o = defaults(o, { "accessConfig.bootstrapClusterCreatorAdminPermissions": true });
            o = computed(o, ["accessConfig"], "object", { authenticationMode: "CONFIG_MAP", bootstrapClusterCreatorAdminPermissions: true }, mode);
            o = computed(o, ["accessConfig", "authenticationMode"], "string", "CONFIG_MAP", mode);
            // upgrade_policy: Optional+Computed; EKS defaults support_type to EXTENDED.
            o = computed(o, ["upgradePolicy"], "object", { supportType: "EXTENDED" }, mode);
            o = computed(o, ["upgradePolicy", "supportType"], "string", "EXTENDED", mode);
            o = computed(o, ["version"], "string", "1.35", mode);
            o = computed(o, ["vpcConfig", "publicAccessCidrs"], "array", ["0.0.0.0/0"], mode);
            o = computed(o, ["vpcConfig", "clusterSecurityGroupId"], "string", `sg-${hex(id, 17)}`, mode);
            o = computed(o, ["vpcConfig", "vpcId"], "string", `vpc-${hex(id, 17)}`, mode);
            o = computed(o, ["kubernetesNetworkConfig"], "object", { ipFamily: "ipv4", serviceIpv4Cidr: "172.20.0.0/16", elasticLoadBalancing: { enabled: false } }, mode);
            // enabled_cluster_log_types: Optional set, read back from the cluster's logging (empty when off).
            if (mode === "up") o = withDefault(o, ["enabledClusterLogTypes"], []);
            const oidc = `https://oidc.eks.${region}.amazonaws.com/id/${hex(id, 32).toUpperCase()}`;
            return computedOnly(
                o,
                {
                    endpoint: ["string", `https://${hex(id, 32).toUpperCase()}.gr7.${region}.eks.amazonaws.com`],
                    certificateAuthority: ["object", { data: Buffer.from(`ca-of-${id}`).toString("base64") }],
                    identities: ["array", [{ oidcs: [{ issuer: oidc }] }]],
                    platformVersion: ["string", "eks.7"],
                    status: ["string", "ACTIVE"],
                    createdAt: ["string", "2026-11-30T12:00:00Z"],
                },
                mode,
            );
        },
    },
    // internal/service/eks/node_group.go
    "aws:eks/nodeGroup:NodeGroup": {
        id: (out, r) => `${str(out.clusterName) ?? "cluster"}:${str(out.nodeGroupName) ?? autoName(r)}`,
        arn: (id) => arnOf("eks", `nodegroup/${id.replace(":", "/")}/${hex(id, 8)}`),
        fill: (out, mode, _id, r) => {
            let o = computed(out, ["nodeGroupName"], "string", autoName(r), mode);
            if (isObject(o.launchTemplate) && mode === "preview") {
                o = computed(o, ["launchTemplate", "id"], "string", undefined, mode);
                o = computed(o, ["launchTemplate", "name"], "string", undefined, mode);
            }
            const hasTemplate = isObject(o.launchTemplate);
            o = computed(o, ["amiType"], "string", "AL2023_x86_64_STANDARD", mode);
            o = computed(o, ["capacityType"], "string", "ON_DEMAND", mode);
            o = computed(o, ["instanceTypes"], "array", hasTemplate ? [] : ["t3.medium"], mode);
            if (!hasTemplate) o = computed(o, ["diskSize"], "number", 20, mode);
            o = computed(o, ["version"], "string", "1.35", mode);
            o = computed(o, ["releaseVersion"], "string", "1.35.0-20261120", mode);
            o = computed(o, ["updateConfig"], "object", { maxUnavailable: 1 }, mode);
            return computedOnly(o, { status: ["string", "ACTIVE"], resources: ["array", [{ autoscalingGroups: [{ name: `eks-${hex(r.urn, 12)}` }] }] ] }, mode);
        },
    },
    // internal/service/eks/addon.go: addon_version and configuration_values are Optional+Computed.
    "aws:eks/addon:Addon": {
        id: (out) => `${str(out.clusterName) ?? "cluster"}:${str(out.addonName) ?? "addon"}`,
        arn: (id) => arnOf("eks", `addon/${id.replace(":", "/")}/${hex(id, 8)}`),
        fill: (out, mode) => {
            let o = computed(out, ["addonVersion"], "string", "v1.20.4-eksbuild.1", mode);
            o = computed(o, ["configurationValues"], "string", "", mode);
            return computedOnly(o, { createdAt: ["string", "2026-11-30T12:00:00Z"], modifiedAt: ["string", "2026-11-30T12:00:00Z"] }, mode);
        },
    },
    // internal/service/eks/access_entry.go: type Default "STANDARD"; kubernetes_groups and user_name Optional+Computed.
    "aws:eks/accessEntry:AccessEntry": {
        id: (out) => `${str(out.clusterName) ?? "cluster"}:${str(out.principalArn) ?? "principal"}`,
        arn: false,
        fill: (out, mode, id) => {
            let o = defaults(out, { type: "STANDARD" });
            o = computed(o, ["kubernetesGroups"], "array", [], mode);
            o = computed(o, ["userName"], "string", str(out.principalArn) ?? "", mode);
            return computedOnly(o, { accessEntryArn: ["string", arnOf("eks", `access-entry/${hex(id, 12)}`)], createdAt: ["string", "2026-11-30T12:00:00Z"] }, mode);
        },
    },
    // internal/service/eks/access_policy_association.go
    "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": {
        id: (out) => [out.clusterName, out.principalArn, out.policyArn].map((v) => str(v) ?? "").join("#"),
        arn: false,
        fill: (out, mode) => computedOnly(out, { associatedAt: ["string", "2026-11-30T12:00:00Z"], modifiedAt: ["string", "2026-11-30T12:00:00Z"] }, mode),
    },
    // internal/service/ec2/ec2_launch_template.go: metadata_options is Optional+Computed and each of its fields
    // Optional+Computed (no Default since provider v6). AWS returns a version's metadata options only when
    // they were set, so a template without them reads back without them (flattenLaunchTemplateInstanceMetadataOptions).
    "aws:ec2/launchTemplate:LaunchTemplate": {
        id: (_out, r) => fakeId("lt-0", r.urn),
        arn: (id) => arnOf("ec2", `launch-template/${id}`),
        fill: (out, mode) => {
            let o = out;
            if (mode === "preview") {
                o = computed(o, ["metadataOptions"], "object", undefined, mode);
                for (const field of ["httpEndpoint", "httpTokens", "httpPutResponseHopLimit", "httpProtocolIpv6", "instanceMetadataTags"]) {
                    o = computed(o, ["metadataOptions", field], field === "httpPutResponseHopLimit" ? "number" : "string", undefined, mode);
                }
            }
            o = computed(o, ["defaultVersion"], "number", 1, mode);
            return computedOnly(o, { latestVersion: ["number", 1] }, mode);
        },
    },
    // internal/service/autoscaling/launch_configuration.go: associate_public_ip_address, metadata_options and
    // root_block_device are Optional+Computed; user_data is stored as a hash.
    "aws:ec2/launchConfiguration:LaunchConfiguration": {
        id: (out) => str(out.name)!,
        arn: (id) => arnOf("autoscaling", `launchConfiguration:${hex(id, 36)}:launchConfigurationName/${id}`),
        fill: (out, mode) => {
            let o = computed(out, ["associatePublicIpAddress"], "bool", false, mode);
            o = computed(o, ["ebsOptimized"], "bool", false, mode);
            if (mode === "preview") {
                o = computed(o, ["metadataOptions"], "object", undefined, mode);
                o = computed(o, ["rootBlockDevice"], "object", undefined, mode);
            }
            if (typeof o.userData === "string") o = { ...o, userData: hex(o.userData, 40) };
            return o;
        },
    },
    // internal/service/autoscaling/group.go: launch_template.id/name and vpc_zone_identifier are Optional+Computed.
    "aws:autoscaling/group:Group": {
        id: (out) => str(out.name)!,
        arn: (id) => arnOf("autoscaling", `autoScalingGroup:${hex(id, 36)}:autoScalingGroupName/${id}`),
        fill: (out, mode) => {
            let o = out;
            if (isObject(o.launchTemplate) && mode === "preview") {
                o = computed(o, ["launchTemplate", "id"], "string", undefined, mode);
                o = computed(o, ["launchTemplate", "name"], "string", undefined, mode);
            }
            o = computed(o, ["vpcZoneIdentifiers"], "array", [], mode);
            o = computed(o, ["availabilityZones"], "array", [`${region}a`, `${region}b`], mode);
            return defaults(o, { healthCheckType: "EC2", defaultCooldown: 300 });
        },
    },
    // internal/service/ec2/vpc_subnet.go: map_public_ip_on_launch Default false.
    "aws:ec2/subnet:Subnet": {
        id: (_out, r) => fakeId("subnet-0", r.urn),
        arn: (id) => arnOf("ec2", `subnet/${id}`),
        fill: (out, mode) => {
            const o = defaults(out, { mapPublicIpOnLaunch: false, assignIpv6AddressOnCreation: false });
            return computed(o, ["availabilityZone"], "string", `${region}a`, mode);
        },
    },
    // internal/service/kms/key.go: enable_key_rotation Default false; rotation_period_in_days Optional+Computed.
    "aws:kms/key:Key": {
        id: (out, r) => str(out.keyId) ?? `${hex(r.urn, 8)}-${hex(`${r.urn}1`, 4)}-${hex(`${r.urn}2`, 4)}-${hex(`${r.urn}3`, 4)}-${hex(`${r.urn}4`, 12)}`,
        arn: (id) => arnOf("kms", `key/${id}`),
        fill: (out, mode, id) => {
            let o = defaults(out, { enableKeyRotation: false, isEnabled: true, keyUsage: "ENCRYPT_DECRYPT", customerMasterKeySpec: "SYMMETRIC_DEFAULT" });
            o = computed(o, ["rotationPeriodInDays"], "number", o.enableKeyRotation === true ? 365 : 0, mode);
            o = computed(o, ["policy"], "string", "{}", mode);
            return computedOnly(o, { keyId: ["string", id] }, mode);
        },
    },
};

/** The generic answer for types without a model of their own: inputs, an id, an ARN. */
const generic: TypeModel = { id: (_out, r) => fakeId("aws-", r.urn) };

function answer(resource: RegisteredResource, mode: Mode): ProviderAnswer {
    const model = types[resource.type] ?? generic;
    let out: Outputs = { ...resource.inputs };
    if (autoNamed.has(resource.type)) out = withDefault(out, ["name"], autoName(resource));
    const upId = str(resource.inputs.id) ?? model.id(out, resource);
    if (model.fill) out = model.fill(out, mode, upId, resource);
    if (mode === "preview") {
        return { outputs: { ...out, id: unknownSentinels.string, ...(model.arn === false ? {} : { arn: str(out.arn) ?? unknownSentinels.string }) } };
    }
    const arn = model.arn === false ? undefined : model.arn ? model.arn(upId, out) : arnOf("service", upId);
    return { id: upId, outputs: { ...(arn ? { arn } : {}), ...out, id: upId } };
}

/** Canned answers of the data sources @pulumi/eks and common programs call (a default VPC with public subnets). */
const defaultVpc = { id: "vpc-0default", cidrBlock: "172.31.0.0/16", default: true, state: "available" };
const defaultSubnets = ["subnet-0defaulta", "subnet-0defaultb", "subnet-0defaultc"];

function invoke(token: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (token) {
        case "aws:index/getPartition:getPartition":
            return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { id: account, accountId: account, arn: `arn:aws:iam::${account}:user/deployer`, userId: "AIDAEXAMPLE" };
        case "aws:index/getRegion:getRegion":
            return { id: region, name: region, region, endpoint: `ec2.${region}.amazonaws.com` };
        case "aws:ec2/getVpc:getVpc":
            return defaultVpc;
        case "aws:ec2/getSubnets:getSubnets":
            return { id: region, ids: defaultSubnets, filters: args.filters };
        case "aws:ec2/getSubnet:getSubnet":
            return { id: args.id, vpcId: defaultVpc.id, mapPublicIpOnLaunch: true, defaultForAz: true };
        case "aws:ec2/getRouteTables:getRouteTables":
            return { id: region, ids: ["rtb-0main"], vpcId: args.vpcId };
        case "aws:ec2/getRouteTable:getRouteTable":
            // The default VPC's subnets have no explicit route table association: only the main table matches.
            if (args.subnetId !== undefined) throw new Error("no matching EC2 Route Table found");
            return { id: "rtb-0main", routeTableId: "rtb-0main", vpcId: defaultVpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-0default" }] };
        case "aws:ssm/getParameter:getParameter":
            return { id: args.name, name: args.name, type: "String", value: "ami-0eks0al20230000", version: 1 };
        case "aws:ec2/getAmi:getAmi":
            return {
                id: "ami-0eks0al20230000",
                imageId: "ami-0eks0al20230000",
                rootDeviceName: "/dev/xvda",
                imdsSupport: "v2.0",
                blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false", volumeSize: "20", volumeType: "gp3" } }],
            };
        case "aws:eks/getAddonVersion:getAddonVersion":
            return { id: String(args.addonName), addonName: args.addonName, kubernetesVersion: args.kubernetesVersion, version: "v1.20.4-eksbuild.1" };
        default:
            throw new Error(`no canned answer for ${token}`);
    }
}

export const awsModel: ProviderModel = { package: "aws", answer, invoke };
