// The AWS provider model the captures use: what a preview shows and what `pulumi up` stores, per the
// terraform-provider-aws schemas (Default fields known in a preview, Computed ones unknown).
import * as assert from "assert";
import { unknownSentinels } from "../../engine/wire";
import { awsModel } from "../capture/providers/aws";
import type { Mode } from "../capture/model";
import { types, urnOf } from "./fixtures";

const answer = (type: string, inputs: Record<string, unknown>, mode: Mode) => awsModel.answer({ type, name: "r", urn: urnOf(type, "r"), inputs, custom: true }, mode);

describe("capture/providers/aws", () => {
    it("eks.Cluster: defaults known in a preview, computed fields unknown, and what EKS fills in at up", () => {
        const inputs = { roleArn: "arn:aws:iam::1:role/x", vpcConfig: { subnetIds: ["subnet-1"] } };
        const preview = answer(types.cluster, inputs, "preview").outputs as Record<string, any>;
        assert.deepStrictEqual([preview.vpcConfig.endpointPublicAccess, preview.vpcConfig.endpointPrivateAccess], [true, false]);
        assert.strictEqual(preview.vpcConfig.publicAccessCidrs, unknownSentinels.array);
        assert.strictEqual(preview.accessConfig, unknownSentinels.object);
        assert.strictEqual(preview.version, unknownSentinels.string);
        assert.match(preview.name, /^r-[0-9a-f]{7}$/);
        const up = answer(types.cluster, inputs, "up");
        const state = up.outputs as Record<string, any>;
        assert.strictEqual(up.id, state.name);
        assert.deepStrictEqual(state.accessConfig, { authenticationMode: "CONFIG_MAP", bootstrapClusterCreatorAdminPermissions: true });
        assert.deepStrictEqual(state.upgradePolicy, { supportType: "EXTENDED" });
        assert.deepStrictEqual(state.vpcConfig.publicAccessCidrs, ["0.0.0.0/0"]);
        assert.deepStrictEqual(state.enabledClusterLogTypes, []);
        const given = answer(types.cluster, { ...inputs, accessConfig: { authenticationMode: "API" } }, "preview").outputs as Record<string, any>;
        assert.deepStrictEqual(given.accessConfig, { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true });
    });

    it("launch templates: metadataOptions (Optional+Computed) unknown in a preview when left out, absent at up", () => {
        assert.strictEqual((answer(types.launchTemplate, {}, "preview").outputs as any).metadataOptions, unknownSentinels.object);
        assert.strictEqual((answer(types.launchTemplate, {}, "up").outputs as any).metadataOptions, undefined);
        const set = answer(types.launchTemplate, { metadataOptions: { httpTokens: "required" } }, "preview").outputs as any;
        assert.deepStrictEqual([set.metadataOptions.httpTokens, set.metadataOptions.httpPutResponseHopLimit], ["required", unknownSentinels.number]);
        assert.match(answer(types.launchTemplate, {}, "up").id ?? "", /^lt-0[0-9a-f]{8}$/);
    });

    it("subnets and KMS keys: schema defaults are known in a preview", () => {
        assert.strictEqual((answer(types.subnet, { vpcId: "vpc-1", cidrBlock: "10.0.0.0/24" }, "preview").outputs as any).mapPublicIpOnLaunch, false);
        const key = answer(types.kmsKey, {}, "up");
        assert.strictEqual((key.outputs as any).enableKeyRotation, false);
        assert.strictEqual((key.outputs as any).arn, `arn:aws:kms:eu-west-1:111122223333:key/${key.id}`);
    });

    it("answers the data sources @pulumi/eks calls with a default VPC of public subnets", () => {
        assert.strictEqual(awsModel.invoke!("aws:ec2/getVpc:getVpc", { default: true }).id, "vpc-0default");
        assert.throws(() => awsModel.invoke!("aws:ec2/getRouteTable:getRouteTable", { subnetId: "subnet-0defaulta" }), /no matching EC2 Route Table/);
        assert.deepStrictEqual((awsModel.invoke!("aws:ec2/getRouteTable:getRouteTable", { routeTableId: "rtb-0main" }) as any).routes[0].gatewayId, "igw-0default");
        assert.throws(() => awsModel.invoke!("aws:s3/getBucket:getBucket", {}), /no canned answer/);
    });
});
