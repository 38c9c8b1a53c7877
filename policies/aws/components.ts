// Component-aware fixes. Most EKS users never write aws.eks.Cluster: they write `new eks.Cluster(...)`
// (@pulumi/eks), which registers the AWS resources as its children. A fix that names a child's field is
// no use to them, so for a resource created inside a known component the fix names the component's
// ARGUMENT instead, and where the component cannot set the field, it says so and gives a `transforms`
// resource option that does. Not a policy.
//
// Every argument below was checked against @pulumi/eks v4.3.0 (provider/cmd/pulumi-resource-eks/schema.json,
// the inputs of eks:index:Cluster, NodeGroup, NodeGroupV2, ManagedNodeGroup and VpcCniAddon) and against
// the code that passes it on (nodejs/eks/cluster/cluster.ts, nodes/nodegroup.ts, addons/cni-addon.ts).
import { parseUrn } from "../core";

/** The component types whose children get component fixes, with the class users write. */
const componentClasses: Record<string, string> = {
    "eks:index:Cluster": "eks.Cluster",
    "eks:index:NodeGroup": "eks.NodeGroup",
    "eks:index:NodeGroupV2": "eks.NodeGroupV2",
    "eks:index:ManagedNodeGroup": "eks.ManagedNodeGroup",
    "eks:index:VpcCniAddon": "eks.VpcCniAddon",
    "awsx:ec2:Vpc": "awsx.ec2.Vpc",
};

/** The EKS components of @pulumi/eks whose children back Kubernetes nodes or the control plane. */
export const eksComponentTypes: readonly string[] = [
    "eks:index:Cluster",
    "eks:index:NodeGroup",
    "eks:index:NodeGroupV2",
    "eks:index:ManagedNodeGroup",
];

/** The known components a resource was created in (by its URN), outermost first, e.g. ["eks:index:Cluster"]. */
export function knownComponents(urn: string): string[] {
    return (parseUrn(urn)?.ancestorTypes ?? []).filter((t) => t in componentClasses || t.startsWith("awsx:"));
}

/** True when the resource was created inside an @pulumi/eks cluster or node group component. */
export function madeByEksComponent(urn: string): boolean {
    return knownComponents(urn).some((t) => eksComponentTypes.includes(t));
}

const transformFor = (type: string, props: string) =>
    `transforms: [({ type, props, opts }) => type === "${type}" ? { props: { ...props, ${props} }, opts } : undefined]`;

const imdsProps = 'metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 }';

/** How the fix reads when the component cannot set the field: why, and the transform that does. */
const cannotSet = (component: string, why: string, transform: string, alternative = "") =>
    `${component} cannot set this (${why}); set it with a resource transform on the ${component}: \`${transform}\`${alternative}`;

/** A fix: the component arguments it names (checked against the component's schema in tests), and its text. */
interface ComponentFix {
    args: readonly string[];
    text: string;
}

const fix = (args: readonly string[], text: string): ComponentFix => ({ args, text });

/** Fixes per component chain (joined by ">"), child type and field (a path prefix without indices). */
type FixTable = Record<string, Record<string, Record<string, ComponentFix>>>;

const lt = "aws:ec2/launchTemplate:LaunchTemplate";
const lc = "aws:ec2/launchConfiguration:LaunchConfiguration";
const nodeArgsNote = " (inside nodeGroupOptions if you use it: with nodeGroupOptions the cluster's own node arguments are ignored)";

const fixes: FixTable = {
    "eks:index:Cluster": {
        "aws:eks/cluster:Cluster": {
            "vpcConfig.endpointPublicAccess": fix(["endpointPublicAccess", "endpointPrivateAccess"], "set endpointPublicAccess: false (and endpointPrivateAccess: true) on the eks.Cluster"),
            "vpcConfig.endpointPrivateAccess": fix(["endpointPrivateAccess"], "set endpointPrivateAccess: true on the eks.Cluster"),
            "vpcConfig.publicAccessCidrs": fix(
                ["endpointPublicAccess", "publicAccessCidrs"],
                'set endpointPublicAccess: false on the eks.Cluster, or keep it public with publicAccessCidrs: ["203.0.113.10/32"] (your egress ranges)',
            ),
            encryptionConfig: fix(["encryptionConfigKeyArn"], "set encryptionConfigKeyArn: key.arn on the eks.Cluster, with a customer-managed aws.kms.Key that has enableKeyRotation: true"),
            enabledClusterLogTypes: fix(["enabledClusterLogTypes"], 'set enabledClusterLogTypes: ["api", "audit", "authenticator"] on the eks.Cluster'),
            version: fix(["version"], 'set version on the eks.Cluster to a minor version in standard support (e.g. "1.34")'),
            "upgradePolicy.supportType": fix(["upgradePolicy"], 'set upgradePolicy: { supportType: "STANDARD" } on the eks.Cluster'),
            "accessConfig.authenticationMode": fix(["authenticationMode", "accessEntries"], 'set authenticationMode: "API" on the eks.Cluster and grant access with its accessEntries argument'),
            "accessConfig.bootstrapClusterCreatorAdminPermissions": fix(
                ["authenticationMode", "accessEntries"],
                cannotSet(
                    "eks.Cluster",
                    "@pulumi/eks v4.3.0 passes bootstrapClusterCreatorAdminPermissions: true whenever authenticationMode is set, and leaves accessConfig to the EKS default (true) otherwise; nodejs/eks/cluster/cluster.ts",
                    transformFor("aws:eks/cluster:Cluster", "accessConfig: { ...props.accessConfig, bootstrapClusterCreatorAdminPermissions: false }"),
                    ', together with authenticationMode: "API" and an accessEntries entry for each administrator',
                ),
            ),
        },
        [lt]: {
            metadataOptions: fix(
                ["skipDefaultNodeGroup"],
                cannotSet(
                    "eks.Cluster",
                    "@pulumi/eks v4.3.0 has no metadataOptions argument on eks.Cluster or nodeGroupOptions",
                    transformFor(lt, imdsProps),
                    ", or set skipDefaultNodeGroup: true and add an eks.ManagedNodeGroup whose launchTemplate requires IMDSv2 with hop limit 1",
                ),
            ),
            blockDeviceMappings: fix(["nodeRootVolumeEncrypted", "nodeGroupOptions"], `set nodeRootVolumeEncrypted: true on the eks.Cluster${nodeArgsNote}`),
            "networkInterfaces.associatePublicIpAddress": fix(["nodeAssociatePublicIpAddress", "nodeGroupOptions"], `set nodeAssociatePublicIpAddress: false on the eks.Cluster${nodeArgsNote}`),
        },
        "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": {
            accessScope: fix(
                ["accessEntries"],
                'in the accessEntries argument of the eks.Cluster, give this access policy a narrower policyArn or accessScope: { type: "namespace", namespaces: [...] }, or add the principal to allowedPrincipalArns',
            ),
        },
        "aws:autoscaling/group:Group": {
            vpcZoneIdentifiers: fix(
                ["privateSubnetIds", "publicSubnetIds", "nodeSubnetIds"],
                "pass private subnets to the eks.Cluster with privateSubnetIds (public ones for load balancers with publicSubnetIds), or set nodeSubnetIds",
            ),
        },
    },
    "eks:index:Cluster>eks:index:VpcCniAddon": {
        "aws:eks/addon:Addon": { configurationValues: fix(["vpcCniOptions"], "set vpcCniOptions: { enableNetworkPolicy: true } on the eks.Cluster") },
    },
    "eks:index:VpcCniAddon": {
        "aws:eks/addon:Addon": { configurationValues: fix(["enableNetworkPolicy"], "set enableNetworkPolicy: true on the eks.VpcCniAddon") },
    },
    "eks:index:NodeGroupV2": {
        [lt]: {
            metadataOptions: fix(
                [],
                cannotSet(
                    "eks.NodeGroupV2",
                    "@pulumi/eks v4.3.0's schema has no metadataOptions argument for NodeGroupV2",
                    transformFor(lt, imdsProps),
                    ", or use an eks.ManagedNodeGroup with a launchTemplate that requires IMDSv2 with hop limit 1",
                ),
            ),
            blockDeviceMappings: fix(["nodeRootVolumeEncrypted"], "set nodeRootVolumeEncrypted: true on the eks.NodeGroupV2"),
            "networkInterfaces.associatePublicIpAddress": fix(["nodeAssociatePublicIpAddress"], "set nodeAssociatePublicIpAddress: false on the eks.NodeGroupV2"),
        },
        "aws:autoscaling/group:Group": { vpcZoneIdentifiers: fix(["nodeSubnetIds"], "set nodeSubnetIds on the eks.NodeGroupV2 to private subnets") },
    },
    "eks:index:NodeGroup": {
        [lc]: {
            metadataOptions: fix(
                [],
                cannotSet(
                    "eks.NodeGroup",
                    "@pulumi/eks v4.3.0 has no metadataOptions argument for NodeGroup and sets none on its launch configuration",
                    transformFor(lc, imdsProps),
                    ", or move to eks.NodeGroupV2 or eks.ManagedNodeGroup (launch configurations are deprecated)",
                ),
            ),
            rootBlockDevice: fix(["nodeRootVolumeEncrypted"], "set nodeRootVolumeEncrypted: true on the eks.NodeGroup"),
            ebsBlockDevices: fix(["nodeRootVolumeEncrypted"], "set nodeRootVolumeEncrypted: true on the eks.NodeGroup"),
            associatePublicIpAddress: fix(["nodeAssociatePublicIpAddress"], "set nodeAssociatePublicIpAddress: false on the eks.NodeGroup"),
        },
    },
    "eks:index:ManagedNodeGroup": {
        "aws:eks/nodeGroup:NodeGroup": {
            launchTemplate: fix(
                ["launchTemplate", "enableIMDSv2"],
                "set launchTemplate: { id: template.id, version: template.latestVersion.apply(String) } on the eks.ManagedNodeGroup, with an aws.ec2.LaunchTemplate that " +
                    `sets ${imdsProps} (its enableIMDSv2 argument keeps hop limit 2)`,
            ),
            subnetIds: fix(["subnetIds"], "set subnetIds on the eks.ManagedNodeGroup to private subnets"),
            remoteAccess: fix(["remoteAccess"], "remove remoteAccess from the eks.ManagedNodeGroup and use SSM Session Manager, or set remoteAccess.sourceSecurityGroupIds"),
        },
        [lt]: {
            metadataOptions: fix(
                ["enableIMDSv2", "launchTemplate"],
                cannotSet(
                    "eks.ManagedNodeGroup",
                    "@pulumi/eks v4.3.0's enableIMDSv2 argument hard-codes httpPutResponseHopLimit: 2",
                    transformFor(lt, imdsProps),
                    ", or pass your own template with its launchTemplate argument",
                ),
            ),
            blockDeviceMappings: fix(
                ["diskSize", "launchTemplate"],
                cannotSet(
                    "eks.ManagedNodeGroup",
                    "@pulumi/eks v4.3.0 sets only the volume size (diskSize) on the template it makes",
                    transformFor(lt, 'blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 20 } }]'),
                    ", or pass your own template with its launchTemplate argument",
                ),
            ),
        },
    },
};

/** Every component argument the fixes name, by component type: the one table tests check against the schema. */
export function componentArguments(): Record<string, string[]> {
    const out: Record<string, Set<string>> = {};
    for (const [chain, byType] of Object.entries(fixes)) {
        const component = chain.split(">")[0];
        for (const entries of Object.values(byType)) for (const entry of Object.values(entries)) for (const arg of entry.args) (out[component] ??= new Set()).add(arg);
    }
    return Object.fromEntries(Object.entries(out).map(([c, args]) => [c, [...args].sort()]));
}

/** Every fix text with the arguments it names, for tests. */
export function componentFixTexts(): ComponentFix[] {
    return Object.values(fixes).flatMap((byType) => Object.values(byType).flatMap((entries) => Object.values(entries)));
}

/** `vpcConfig.publicAccessCidrs[0]` -> `vpcConfig.publicAccessCidrs`. */
const withoutIndices = (path: string) => path.replace(/\[\d+\]/g, "");

function lookup(entries: Record<string, ComponentFix>, path: string): string | undefined {
    const plain = withoutIndices(path);
    const keys = Object.keys(entries).filter((k) => plain === k || plain.startsWith(`${k}.`));
    keys.sort((a, b) => b.length - a.length);
    return keys.length > 0 ? entries[keys[0]].text : undefined;
}

/**
 * The fix for a finding on `path` of a resource of `type`: the component argument when the resource was
 * created inside a known component (by its URN), otherwise `fix` as written for the resource itself.
 * `parentUrn` names the component (`eks.Cluster "c"`) when the resource is its direct child.
 */
export function componentFix(resource: { urn: string; type: string; parentUrn?: string }, path: string, fix: string): string {
    const chain = knownComponents(resource.urn);
    // The innermost chain that has an entry wins: Cluster>VpcCniAddon before VpcCniAddon alone.
    for (let start = 0; start < chain.length; start++) {
        const entries = fixes[chain.slice(start).join(">")]?.[resource.type];
        const found = entries && lookup(entries, path);
        if (found) return named(found, chain[start], resource.parentUrn);
    }
    return fix;
}

/** `the eks.Cluster` -> `eks.Cluster "c"` when the parent URN is that component's. */
function named(text: string, component: string, parentUrn: string | undefined): string {
    const parent = parentUrn ? parseUrn(parentUrn) : undefined;
    if (!parent || parent.type !== component) return text;
    const cls = componentClasses[component];
    return text.split(`the ${cls}`).join(`${cls} ${JSON.stringify(parent.name)}`);
}

/** The URN of the component or resource a stack resource was created in. */
export function parentUrnOf(resource: { parent?: { urn: string }; opts?: { parent?: string } }): string | undefined {
    return resource.parent?.urn ?? resource.opts?.parent;
}
