import { asDict, aws, isUnknown, peek, show, wrongType } from "../core";
import { launchSpecPolicy, type Sink } from "./node-settings";
import { indices, readBool } from "./read";

interface Config {
    accountEncryptionByDefault: boolean;
}

const mappingFix = 'add a mapping for the root device with ebs: { encrypted: "true" }';
const unencryptedRoot = "the root volume then follows the AMI's snapshot, which is unencrypted unless the account encrypts EBS by default";

/** One volume's `encrypted` flag: true passes; absent passes only with account encryption by default. */
function judgeEncrypted(volume: unknown, path: string, device: string, fix: string, config: Config, sink: Sink): void {
    const value = readBool(volume, "encrypted");
    const raw = peek(volume, "encrypted");
    if (value === true) return;
    if (value === "unknown") return sink.defer(path);
    if (value === undefined && config.accountEncryptionByDefault) return;
    if (value === "wrong") return sink.violation(path, wrongType('a boolean ("true" or "false")', raw), fix);
    sink.violation(
        path,
        value === undefined ? `is absent${device}, and EC2 then leaves the volume unencrypted unless the account encrypts EBS by default` : `is ${show(raw)}${device}`,
        fix,
    );
}

/** Entries of a list field, each read without throwing; a wrong type is reported once. */
function entries(props: unknown, field: string, expected: string, fix: string, sink: Sink): { value: unknown; path: string }[] | undefined {
    const raw = peek(props, field);
    if (isUnknown(raw)) {
        sink.defer(field);
        return undefined;
    }
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
        sink.violation(field, wrongType(expected, raw), fix);
        return undefined;
    }
    return indices(raw).map((i) => ({ value: peek(raw, i), path: `${field}[${i}]` }));
}

function judgeLaunchTemplate(props: unknown, config: Config, sink: Sink): void {
    const mappings = entries(props, "blockDeviceMappings", "an array of block device mappings", mappingFix, sink);
    if (!mappings) return;
    let ebsMappings = 0;
    for (const { value, path } of mappings) {
        if (isUnknown(value)) {
            sink.defer(path);
            ebsMappings++;
            continue;
        }
        if (!asDict(value) || peek(value, "noDevice") !== undefined || peek(value, "virtualName") !== undefined) continue;
        ebsMappings++;
        const ebs = peek(value, "ebs");
        if (isUnknown(ebs)) {
            sink.defer(`${path}.ebs`);
            continue;
        }
        const deviceName = peek(value, "deviceName");
        const device = typeof deviceName === "string" ? ` (${deviceName})` : "";
        judgeEncrypted(ebs, `${path}.ebs.encrypted`, device, 'set ebs.encrypted: "true" (and ebs.kmsKeyId to a customer-managed key)', config, sink);
    }
    if (ebsMappings > 0 || config.accountEncryptionByDefault) return;
    const raw = peek(props, "blockDeviceMappings");
    sink.violation("blockDeviceMappings", `${raw === undefined ? "is absent" : `is ${show(raw)}`}, and ${unencryptedRoot}`, mappingFix);
}

function judgeLaunchConfiguration(props: unknown, config: Config, sink: Sink): void {
    const root = peek(props, "rootBlockDevice");
    const rootFix = "set rootBlockDevice: { encrypted: true }";
    if (isUnknown(root)) sink.defer("rootBlockDevice", "is computed by the provider when the program leaves it out, so this preview cannot show it");
    else if (root === undefined || root === null) {
        if (!config.accountEncryptionByDefault) sink.violation("rootBlockDevice", `is absent, and ${unencryptedRoot}`, rootFix);
    } else if (!asDict(root)) sink.violation("rootBlockDevice", wrongType("an object", root), rootFix);
    else judgeEncrypted(root, "rootBlockDevice.encrypted", "", rootFix, config, sink);
    for (const { value, path } of entries(props, "ebsBlockDevices", "an array of EBS block devices", "set encrypted: true on each EBS block device", sink) ?? []) {
        if (isUnknown(value)) sink.defer(path);
        else if (asDict(value) && peek(value, "noDevice") !== true) judgeEncrypted(value, `${path}.encrypted`, "", "set encrypted: true", config, sink);
    }
}

export const eksLaunchTemplateEbsEncrypted = launchSpecPolicy<Config>({
    name: "eks-launch-template-ebs-encrypted",
    description: "Launch templates and launch configurations that back Kubernetes nodes encrypt their EBS volumes, root volume included.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["aws", "encryption"],
    remediationSteps:
        'Add `blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: key.arn, volumeSize: 50 } }]` ' +
        "to the aws.ec2.LaunchTemplate (use the AMI's root device name; on an aws.ec2.LaunchConfiguration set " +
        "`rootBlockDevice: { encrypted: true }`), or turn on EBS encryption by default in the account " +
        "(aws.ebs.EncryptionByDefault) and set this policy's accountEncryptionByDefault. For @pulumi/eks, set `nodeRootVolumeEncrypted: true`.",
    url: "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
    configSchema: {
        properties: {
            accountEncryptionByDefault: {
                type: "boolean",
                default: false,
                description:
                    "The account has EBS encryption by default on: a template without block device mappings (AMI defaults) passes. " +
                    "Mappings that set encrypted: false are still flagged.",
            },
        },
    },
    check: (type, props, config, sink) => (aws.launchTemplate.has(type) ? judgeLaunchTemplate(props, config, sink) : judgeLaunchConfiguration(props, config, sink)),
});
