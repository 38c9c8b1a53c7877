import type { LaunchTemplateArgs } from "@pulumi/aws/ec2/launchTemplate";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksLaunchTemplateImdsv2 } from "../../policies/aws/eks-launch-template-imdsv2";
import { checkResource } from "../harness";
import { launchTemplate, types } from "./fixtures";

const check = (t: object, config?: Record<string, unknown>) => checkResource(eksLaunchTemplateImdsv2, types.launchTemplate, t, { name: "nodes", config });
const metadata = (metadataOptions: LaunchTemplateArgs["metadataOptions"]): LaunchTemplateArgs => ({ ...launchTemplate(), metadataOptions });

describe("eks-launch-template-imdsv2", () => {
    it("passes IMDSv2 required with hop limit 1", () => {
        assert.deepStrictEqual(check(launchTemplate()).violations, []);
    });

    it("passes a disabled metadata endpoint", () => {
        assert.deepStrictEqual(check(metadata({ httpEndpoint: "disabled" })).violations, []);
    });

    it("flags httpTokens optional", () => {
        const [v] = check(metadata({ httpTokens: "optional", httpPutResponseHopLimit: 1 })).violations;
        assert.strictEqual(
            v,
            'LaunchTemplate "nodes": metadataOptions.httpTokens is "optional", so IMDSv1 requests without a session token are accepted. Fix: set httpTokens: "required"',
        );
    });

    it("flags a hop limit above 1, and accepts 2 only when configured", () => {
        assert.match(check(metadata({ httpTokens: "required", httpPutResponseHopLimit: 2 })).violations[0], /httpPutResponseHopLimit is 2, so containers in pods can reach/);
        assert.deepStrictEqual(check(metadata({ httpTokens: "required", httpPutResponseHopLimit: 2 }), { allowHopLimitTwo: true }).violations, []);
        assert.match(check(metadata({ httpTokens: "required", httpPutResponseHopLimit: 3 }), { allowHopLimitTwo: true }).violations[0], /is 3/);
    });

    it("flags absent fields and an absent metadataOptions block", () => {
        const fields = check(metadata({ httpTokens: "required" })).violations;
        assert.strictEqual(fields.length, 1);
        assert.match(fields[0], /httpPutResponseHopLimit is absent, and EC2 then takes the AMI's default, which is 2/);
        assert.match(check(metadata({ httpPutResponseHopLimit: 1 })).violations[0], /httpTokens is absent, and EC2 then accepts IMDSv1/);
        const { metadataOptions: _, ...plain } = launchTemplate();
        assert.strictEqual(check(plain).violations.length, 2);
    });

    it("survives wrong types", () => {
        assert.strictEqual(check({ ...launchTemplate(), metadataOptions: "required" }).violations.length, 2);
        assert.match(check({ ...launchTemplate(), metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: "one" } }).violations[0], /is "one", not a number/);
        assert.deepStrictEqual(check({ ...launchTemplate(), metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: "1" } }).violations, []);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check(metadata({ httpTokens: unknownValue<string>("string"), httpPutResponseHopLimit: 1 }));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /httpTokens|httpEndpoint/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksLaunchTemplateImdsv2, types.cluster, {}).notApplicable ?? "", /does not apply/);
    });
});
