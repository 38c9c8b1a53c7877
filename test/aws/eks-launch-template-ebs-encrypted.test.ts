import type { LaunchTemplateArgs } from "@pulumi/aws/ec2/launchTemplate";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksLaunchTemplateEbsEncrypted } from "../../policies/aws/eks-launch-template-ebs-encrypted";
import { checkResource } from "../harness";
import { launchTemplate, types } from "./fixtures";

const check = (t: object, config?: Record<string, unknown>) => checkResource(eksLaunchTemplateEbsEncrypted, types.launchTemplate, t, { name: "nodes", config });
const devices = (blockDeviceMappings: LaunchTemplateArgs["blockDeviceMappings"]): LaunchTemplateArgs => ({ ...launchTemplate(), blockDeviceMappings });

describe("eks-launch-template-ebs-encrypted", () => {
    it("passes encrypted EBS volumes, skipping instance-store and suppressed devices", () => {
        assert.deepStrictEqual(check(launchTemplate()).violations, []);
        assert.deepStrictEqual(
            check(devices([{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }, { deviceName: "/dev/sdb", virtualName: "ephemeral0" }, { deviceName: "/dev/sdc", noDevice: "" }])).violations,
            [],
        );
    });

    it("flags encrypted false on any EBS volume", () => {
        const r = check(devices([{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }, { deviceName: "/dev/xvdb", ebs: { encrypted: "false" } }]));
        assert.deepStrictEqual(r.violations, [
            'LaunchTemplate "nodes": blockDeviceMappings[1].ebs.encrypted is "false" (/dev/xvdb). Fix: set ebs.encrypted: "true" (and ebs.kmsKeyId to a customer-managed key)',
        ]);
    });

    it("flags absent encryption and absent mappings (the AMI's unencrypted root), unless the account encrypts by default", () => {
        assert.match(check(devices([{ deviceName: "/dev/xvda", ebs: { volumeSize: 50 } }])).violations[0], /ebs\.encrypted is absent \(\/dev\/xvda\), and EC2 then leaves the volume unencrypted/);
        assert.match(check(devices([{ deviceName: "/dev/xvda" }])).violations[0], /ebs\.encrypted is absent/);
        const { blockDeviceMappings: _, ...plain } = launchTemplate();
        assert.match(check(plain).violations[0], /^LaunchTemplate "nodes": blockDeviceMappings is absent, and the root volume then follows the AMI's snapshot/);
        assert.deepStrictEqual(check(plain, { accountEncryptionByDefault: true }).violations, []);
        assert.deepStrictEqual(check(devices([{ deviceName: "/dev/xvda", ebs: { volumeSize: 50 } }]), { accountEncryptionByDefault: true }).violations, []);
        assert.strictEqual(check(devices([{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }]), { accountEncryptionByDefault: true }).violations.length, 1);
    });

    it("survives wrong types", () => {
        assert.match(check({ ...launchTemplate(), blockDeviceMappings: "xvda" }).violations[0], /blockDeviceMappings is "xvda"/);
        assert.deepStrictEqual(check(devices([{ ebs: { encrypted: true as unknown as string } }])).violations, []);
        assert.strictEqual(check(devices([{ ebs: "encrypted" as never }])).violations.length, 1);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check(devices([{ deviceName: "/dev/xvda", ebs: { encrypted: unknownValue<string>("string") } }]));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /encrypted/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksLaunchTemplateEbsEncrypted, types.nodeGroup, {}).notApplicable ?? "", /does not apply/);
    });
});
