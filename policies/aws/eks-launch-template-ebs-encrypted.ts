import type { LaunchTemplateArgs } from "@pulumi/aws/ec2/launchTemplate";
import type { Unwrap } from "@pulumi/pulumi";
import { asArray, asBool, asDict, aws, resourcePolicy, show } from "../core";

interface Config {
    accountEncryptionByDefault: boolean;
}

export const eksLaunchTemplateEbsEncrypted = resourcePolicy<Unwrap<LaunchTemplateArgs>, Config>({
    name: "eks-launch-template-ebs-encrypted",
    description: "Node launch templates encrypt their EBS volumes, root volume included.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["aws", "encryption"],
    remediationSteps:
        'Add `blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: key.arn, volumeSize: 50 } }]` ' +
        "to the aws.ec2.LaunchTemplate (use the AMI's root device name), or turn on EBS encryption by default in the " +
        "account (aws.ebs.EncryptionByDefault) and set this policy's accountEncryptionByDefault.",
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
    appliesTo: aws.launchTemplate,
    validate: (template, ctx) => {
        const raw = template.blockDeviceMappings as unknown;
        const ebsMappings = asArray(raw)
            .map((m, i) => ({ mapping: asDict(m), i }))
            .filter(({ mapping }) => mapping && mapping.noDevice === undefined && mapping.virtualName === undefined);
        if (ebsMappings.length === 0) {
            if (ctx.config.accountEncryptionByDefault) return;
            ctx.violation(
                "blockDeviceMappings",
                `${raw === undefined ? "is absent" : `is ${show(raw)}`}, and the root volume then follows the AMI's snapshot, which is unencrypted unless the account encrypts EBS by default`,
                'add a mapping for the root device with ebs: { encrypted: "true" }',
            );
            return;
        }
        for (const { mapping, i } of ebsMappings) {
            const ebs = asDict(mapping!.ebs);
            const encrypted = asBool(ebs?.encrypted);
            if (encrypted === true) continue;
            if (ebs?.encrypted === undefined && ctx.config.accountEncryptionByDefault) continue;
            const device = typeof mapping!.deviceName === "string" ? ` (${mapping!.deviceName})` : "";
            ctx.violation(
                `blockDeviceMappings[${i}].ebs.encrypted`,
                ebs?.encrypted === undefined
                    ? `is absent${device}, and EC2 then leaves the volume unencrypted unless the account encrypts EBS by default`
                    : `is ${show(ebs.encrypted)}${device}`,
                'set ebs.encrypted: "true" (and ebs.kmsKeyId to a customer-managed key)',
            );
        }
    },
});
