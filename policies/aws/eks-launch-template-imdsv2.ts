import { peek } from "../core";
import { hopLimitConfigSchema, imdsFindings, imdsSetting, launchSpecPolicy } from "./node-settings";

interface Config {
    allowHopLimitTwo: boolean;
}

export const eksLaunchTemplateImdsv2 = launchSpecPolicy<Config>({
    name: "eks-launch-template-imdsv2",
    description:
        "Launch templates and launch configurations that back Kubernetes nodes require IMDSv2 and keep the metadata hop " +
        "limit at 1, so pods cannot take the node's IAM credentials (a disabled metadata endpoint also passes). This policy " +
        "owns the metadata findings of node templates; eks-node-group-imds-hardened owns node groups without a template it can check.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["aws", "nodes"],
    remediationSteps:
        `Set \`${imdsSetting}\` on the aws.ec2.LaunchTemplate (or aws.ec2.LaunchConfiguration) the nodes launch from, ` +
        "and give pods AWS access through EKS Pod Identity or IRSA. Templates made by @pulumi/eks get the component " +
        "argument, or the `transforms` resource option, that sets it.",
    url: "https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html#_restrict_access_to_the_instance_profile_assigned_to_the_worker_node",
    configSchema: { properties: { ...hopLimitConfigSchema } },
    check: (_type, props, config, sink) => imdsFindings(peek(props, "metadataOptions"), config.allowHopLimitTwo === true, sink),
});
