import type { LaunchTemplateArgs } from "@pulumi/aws/ec2/launchTemplate";
import type { Unwrap } from "@pulumi/pulumi";
import { asArray, asBool, asDict, aws, cisEks, resourcePolicy, show } from "../core";

export const eksLaunchTemplateNoPublicIp = resourcePolicy<Unwrap<LaunchTemplateArgs>>({
    name: "eks-launch-template-no-public-ip",
    description: "No network interface of a node launch template asks for a public IP address.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["aws", "network"],
    framework: cisEks("5.4.3", "Ensure clusters are created with Private Nodes"),
    remediationSteps:
        'Remove `associatePublicIpAddress` from the aws.ec2.LaunchTemplate\'s `networkInterfaces` (or set it to "false"), ' +
        "put nodes in private subnets and reach the internet through a NAT gateway.",
    url: "https://docs.aws.amazon.com/eks/latest/best-practices/subnets.html",
    appliesTo: aws.launchTemplate,
    validate: (template, ctx) => {
        asArray(template.networkInterfaces).forEach((nic, i) => {
            const raw = asDict(nic)?.associatePublicIpAddress;
            if (asBool(raw) === true) {
                ctx.violation(
                    `networkInterfaces[${i}].associatePublicIpAddress`,
                    `is ${show(raw)}, so every node gets a public IP address`,
                    'remove it or set associatePublicIpAddress: "false"',
                );
            }
        });
    },
});
