import type { LaunchTemplateArgs } from "@pulumi/aws/ec2/launchTemplate";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksLaunchTemplateEbsEncrypted } from "../../policies/aws/eks-launch-template-ebs-encrypted";
import { checkResource, checkStack } from "../harness";
import { hardenedStack, launchConfiguration, launchTemplate, madeByCluster, selfManagedStack, types, urnOf, withProps } from "./fixtures";

// Templates the @pulumi/eks cluster made are judged at Analyze; the others when node groups launch from them.
const check = (t: object, config?: Record<string, unknown>, type = types.launchTemplate) =>
    checkResource(eksLaunchTemplateEbsEncrypted, type, t, { name: "c-launchTemplate", config, ...madeByCluster(type, "c-launchTemplate") });
const devices = (blockDeviceMappings: LaunchTemplateArgs["blockDeviceMappings"]): LaunchTemplateArgs => ({ ...launchTemplate(), blockDeviceMappings });

describe("eks-launch-template-ebs-encrypted", () => {
    it("passes encrypted EBS volumes, skipping instance-store and suppressed devices", () => {
        assert.deepStrictEqual(check(launchTemplate()).violations, []);
        assert.deepStrictEqual(
            check(devices([{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }, { deviceName: "/dev/sdb", virtualName: "ephemeral0" }, { deviceName: "/dev/sdc", noDevice: "" }])).violations,
            [],
        );
    });

    it("flags encrypted false on any EBS volume; the component fix is nodeRootVolumeEncrypted", () => {
        const r = check(devices([{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }, { deviceName: "/dev/xvdb", ebs: { encrypted: "false" } }]));
        assert.deepStrictEqual(r.violations, [
            'LaunchTemplate "c-launchTemplate": blockDeviceMappings[1].ebs.encrypted is "false" (/dev/xvdb). Fix: set nodeRootVolumeEncrypted: true on eks.Cluster "c" (inside nodeGroupOptions if you use it: with nodeGroupOptions the cluster\'s own node arguments are ignored)',
        ]);
    });

    it("flags the @pulumi/eks default (blockDeviceMappings: [], the AMI's unencrypted root) and absent encryption, unless the account encrypts by default", () => {
        assert.match(check(devices([])).violations[0], /^LaunchTemplate "c-launchTemplate": blockDeviceMappings is \[\], and the root volume then follows the AMI's snapshot/);
        assert.match(check(devices([{ deviceName: "/dev/xvda", ebs: { volumeSize: 50 } }])).violations[0], /ebs\.encrypted is absent \(\/dev\/xvda\), and EC2 then leaves the volume unencrypted/);
        const { blockDeviceMappings: _, ...plain } = launchTemplate();
        assert.match(check(plain).violations[0], /blockDeviceMappings is absent, and the root volume then follows the AMI's snapshot/);
        assert.deepStrictEqual(check(plain, { accountEncryptionByDefault: true }).violations, []);
        assert.deepStrictEqual(check(devices([{ deviceName: "/dev/xvda", ebs: { volumeSize: 50 } }]), { accountEncryptionByDefault: true }).violations, []);
        assert.strictEqual(check(devices([{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }]), { accountEncryptionByDefault: true }).violations.length, 1);
    });

    it("reports values of the wrong type as such", () => {
        assert.match(check({ ...launchTemplate(), blockDeviceMappings: "xvda" }).violations[0], /blockDeviceMappings has the wrong type: expected an array of block device mappings, found string "xvda"/);
        assert.deepStrictEqual(check(devices([{ ebs: { encrypted: true as unknown as string } }])).violations, []);
        assert.match(check(devices([{ ebs: { encrypted: "yes" } }])).violations[0], /encrypted has the wrong type: expected a boolean \("true" or "false"\), found string "yes"/);
    });

    it("checks a launch configuration's root and EBS devices", () => {
        const lc = (props: object) => check(props, undefined, types.launchConfiguration).violations;
        assert.deepStrictEqual(lc(launchConfiguration()), []);
        assert.match(lc({ ...launchConfiguration(), rootBlockDevice: undefined })[0], /rootBlockDevice is absent, and the root volume then follows the AMI's snapshot/);
        assert.match(lc({ ...launchConfiguration(), rootBlockDevice: { encrypted: false } })[0], /rootBlockDevice\.encrypted is false/);
        assert.match(lc({ ...launchConfiguration(), ebsBlockDevices: [{ deviceName: "/dev/xvdb", encrypted: false }] })[0], /ebsBlockDevices\[0\]\.encrypted is false/);
    });

    it("defers an unknown value by name, and still reports the other volumes", () => {
        const r = check(devices([{ deviceName: "/dev/xvda", ebs: { encrypted: unknownValue<string>("string") } }, { deviceName: "/dev/xvdb", ebs: { encrypted: "false" } }]));
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.unknown ?? "", /blockDeviceMappings\[0\]\.ebs\.encrypted is computed from another resource/);
    });

    it("judges other templates at AnalyzeStack when node groups launch from them", () => {
        const weak = (stack: ReturnType<typeof hardenedStack>, name: string) =>
            withProps(stack, name, (p) => ({ ...p, blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }] }));
        const r = checkStack(eksLaunchTemplateEbsEncrypted, weak(selfManagedStack(), "system-nodes"), { dryRun: false });
        assert.deepStrictEqual(r.violations.map((v) => v.urn), [urnOf(types.launchTemplate, "system-nodes")]);
        assert.match(r.violations[0].message, /; Group "system" launches nodes from it\. Fix: set ebs\.encrypted: "true"/);
        assert.match(checkResource(eksLaunchTemplateEbsEncrypted, types.launchTemplate, launchTemplate(), { name: "web" }).notApplicable ?? "", /decided on the stack/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksLaunchTemplateEbsEncrypted, types.nodeGroup, {}).notApplicable ?? "", /does not apply/);
    });
});
