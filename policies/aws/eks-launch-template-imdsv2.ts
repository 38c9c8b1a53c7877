import type { LaunchTemplateArgs } from "@pulumi/aws/ec2/launchTemplate";
import type { Unwrap } from "@pulumi/pulumi";
import { aws, resourcePolicy } from "../core";
import { hopLimitConfigSchema, imdsFindings } from "./node-settings";

interface Config {
    allowHopLimitTwo: boolean;
}

export const eksLaunchTemplateImdsv2 = resourcePolicy<Unwrap<LaunchTemplateArgs>, Config>({
    name: "eks-launch-template-imdsv2",
    description:
        "Node launch templates require IMDSv2 and keep the metadata hop limit at 1, so pods cannot take the node's IAM " +
        "credentials (a disabled metadata endpoint also passes).",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["aws", "nodes"],
    remediationSteps:
        'Set `metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 }` on the ' +
        "aws.ec2.LaunchTemplate used by node groups, and give pods AWS access through EKS Pod Identity or IRSA.",
    url: "https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html#_restrict_access_to_the_instance_profile_assigned_to_the_worker_node",
    configSchema: { properties: { ...hopLimitConfigSchema } },
    appliesTo: aws.launchTemplate,
    validate: (template, ctx) => {
        for (const f of imdsFindings(template.metadataOptions, ctx.config.allowHopLimitTwo === true)) {
            ctx.violation(f.path, f.problem, f.fix);
        }
    },
});
