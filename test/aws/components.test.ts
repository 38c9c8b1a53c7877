// Component-aware fixes: every argument they name exists in @pulumi/eks v4.3.0, and the right one is named
// for a resource's component chain.
import * as assert from "assert";
import { componentArguments, componentFix, componentFixTexts, knownComponents, madeByEksComponent } from "../../policies/aws/components";
import { types, urnOf } from "./fixtures";

/**
 * Input property names of the components in @pulumi/eks v4.3.0, from provider/cmd/pulumi-resource-eks/schema.json
 * (resources.<type>.inputProperties), as far as the fixes use them.
 */
const schemaInputs: Record<string, string[]> = {
    "eks:index:Cluster": [
        "accessEntries", "authenticationMode", "enabledClusterLogTypes", "encryptionConfigKeyArn", "endpointPrivateAccess", "endpointPublicAccess",
        "nodeAssociatePublicIpAddress", "nodeGroupOptions", "nodeRootVolumeEncrypted", "nodeSubnetIds", "privateSubnetIds", "publicAccessCidrs",
        "publicSubnetIds", "skipDefaultNodeGroup", "upgradePolicy", "version", "vpcCniOptions",
    ],
    "eks:index:NodeGroupV2": ["nodeAssociatePublicIpAddress", "nodeRootVolumeEncrypted", "nodeSubnetIds"],
    "eks:index:NodeGroup": ["nodeAssociatePublicIpAddress", "nodeRootVolumeEncrypted"],
    "eks:index:ManagedNodeGroup": ["diskSize", "enableIMDSv2", "launchTemplate", "remoteAccess", "subnetIds"],
    "eks:index:VpcCniAddon": ["enableNetworkPolicy"],
};
/** Not inputs of these components in v4.3.0: what the fixes must never offer as an argument. */
const absentFromSchema = ["metadataOptions", "bootstrapClusterCreatorAdminPermissions"];

const clusterChild = (type: string, name: string) => ({ urn: urnOf(type, name, ["eks:index:Cluster"]), type, parentUrn: urnOf("eks:index:Cluster", "c") });

describe("aws/components", () => {
    it("names only arguments the v4.3.0 schema has, and mentions each in its fix", () => {
        for (const [component, args] of Object.entries(componentArguments())) {
            for (const arg of args) assert.ok(schemaInputs[component]?.includes(arg), `${component} has no input ${arg}`);
        }
        for (const { args, text } of componentFixTexts()) {
            for (const arg of args) assert.ok(text.includes(arg), `${text} does not mention ${arg}`);
            for (const absent of absentFromSchema) assert.doesNotMatch(text, new RegExp(`set ${absent}[: ]`), text);
        }
    });

    it("reads the components a resource was created in from its URN", () => {
        assert.deepStrictEqual(knownComponents(urnOf(types.addon, "c-vpc-cni", ["eks:index:Cluster", "eks:index:VpcCniAddon"])), ["eks:index:Cluster", "eks:index:VpcCniAddon"]);
        assert.deepStrictEqual(knownComponents(urnOf(types.subnet, "vpc-public-1", ["my:index:Platform", "awsx:ec2:Vpc"])), ["awsx:ec2:Vpc"]);
        assert.strictEqual(madeByEksComponent(urnOf(types.launchTemplate, "ng-launchTemplate", ["eks:index:NodeGroupV2"])), true);
        assert.strictEqual(madeByEksComponent(urnOf(types.addon, "x", ["eks:index:VpcCniAddon"])), false);
        assert.strictEqual(madeByEksComponent(urnOf(types.cluster, "prod")), false);
    });

    it("gives the component argument, naming the component when it is the parent", () => {
        assert.strictEqual(componentFix(clusterChild(types.cluster, "c-eksCluster"), "vpcConfig.publicAccessCidrs[2]", "raw"), 'set endpointPublicAccess: false on eks.Cluster "c", or keep it public with publicAccessCidrs: ["203.0.113.10/32"] (your egress ranges)');
        assert.strictEqual(componentFix({ ...clusterChild(types.cluster, "c-eksCluster"), parentUrn: undefined }, "encryptionConfig.provider.keyArn", "raw").startsWith("set encryptionConfigKeyArn: key.arn on the eks.Cluster,"), true);
    });

    it("takes the innermost chain with an entry: a cluster's vpc-cni add-on is set through the cluster", () => {
        const inCluster = { urn: urnOf(types.addon, "c-vpc-cni", ["eks:index:Cluster", "eks:index:VpcCniAddon"]), type: types.addon, parentUrn: urnOf("eks:index:VpcCniAddon", "c-vpc-cni", ["eks:index:Cluster"]) };
        assert.strictEqual(componentFix(inCluster, "configurationValues.enableNetworkPolicy", "raw"), "set vpcCniOptions: { enableNetworkPolicy: true } on the eks.Cluster");
        const alone = { urn: urnOf(types.addon, "cni", ["eks:index:VpcCniAddon"]), type: types.addon, parentUrn: urnOf("eks:index:VpcCniAddon", "cni") };
        assert.strictEqual(componentFix(alone, "configurationValues", "raw"), 'set enableNetworkPolicy: true on eks.VpcCniAddon "cni"');
    });

    it("keeps the resource's own fix outside components, and for fields the table does not know", () => {
        assert.strictEqual(componentFix({ urn: urnOf(types.cluster, "prod"), type: types.cluster }, "vpcConfig.endpointPublicAccess", "raw"), "raw");
        assert.strictEqual(componentFix(clusterChild(types.cluster, "c-eksCluster"), "tags", "raw"), "raw");
        assert.strictEqual(componentFix(clusterChild(types.kmsKey, "k"), "enableKeyRotation", "raw"), "raw");
    });
});
