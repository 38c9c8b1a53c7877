import type { PolicyResource } from "@pulumi/policy";
import { asDict, asString, aws, stackPolicy } from "../core";
import { hopLimitConfigSchema, imdsFindings, imdsFix, resolve, withAutoModeReason } from "./node-settings";

interface Config {
    allowHopLimitTwo: boolean;
    allowExternalLaunchTemplates: boolean;
}

export const eksNodeGroupImdsHardened = withAutoModeReason(
    stackPolicy<Config>({
        name: "eks-node-group-imds-hardened",
        description:
            "Every EKS managed node group launches from a launch template in the stack whose metadata options require IMDSv2 " +
            "with hop limit 1, so pods cannot take the node's IAM credentials.",
        severity: "high",
        enforcementLevel: "mandatory",
        tags: ["aws", "nodes"],
        remediationSteps:
            'Create an aws.ec2.LaunchTemplate with `metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 }` ' +
            "and set `launchTemplate: { id: template.id, version: template.latestVersion.apply(String) }` on the " +
            "aws.eks.NodeGroup. Give pods AWS access through EKS Pod Identity or IRSA instead of the node role.",
        url: "https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html",
        configSchema: {
            properties: {
                ...hopLimitConfigSchema,
                allowExternalLaunchTemplates: {
                    type: "boolean",
                    default: false,
                    description: "Accept launch templates that are not in the stack (their metadata options cannot be checked here).",
                },
            },
        },
        appliesTo: aws.eksNodeGroup,
        validateStack: (ctx) => {
            for (const group of ctx.ofType(aws.eksNodeGroup)) {
                const template = asDict(asDict(group.props)?.launchTemplate);
                if (!template) {
                    ctx.violation(
                        group,
                        "launchTemplate",
                        "is absent, and EKS then launches the nodes from its own launch template, whose metadata hop limit of 2 lets pods reach the node's IAM credentials",
                        `create an aws.ec2.LaunchTemplate that ${imdsFix.replace("set ", "sets ")} and set launchTemplate: { id: template.id, version: ... }`,
                    );
                    continue;
                }
                const id = asString(template.id);
                const name = asString(template.name);
                let path: string | undefined;
                let ref: string | undefined;
                let target: PolicyResource | undefined;
                if (id) {
                    [path, ref, target] = ["launchTemplate.id", id, resolve(ctx.resources, aws.launchTemplate, id, ["id", "arn"])];
                }
                if (!target && name) {
                    const byName = resolve(ctx.resources, aws.launchTemplate, name, ["name"]);
                    if (byName || !id) [path, ref, target] = ["launchTemplate.name", name, byName];
                }
                if (!path) {
                    ctx.violation(group, "launchTemplate", "has neither id nor name", "set launchTemplate.id to the launch template's id");
                    continue;
                }
                if (!target) {
                    if (ctx.config.allowExternalLaunchTemplates) continue;
                    ctx.violation(
                        group,
                        path,
                        `is "${ref}", which matches no aws.ec2.LaunchTemplate in this stack, so its metadata options cannot be checked`,
                        "manage the launch template in this stack, or set this policy's allowExternalLaunchTemplates after checking it elsewhere",
                    );
                    continue;
                }
                const label = ctx.label(target);
                for (const f of imdsFindings(asDict(target.props)?.metadataOptions, ctx.config.allowHopLimitTwo === true)) {
                    ctx.violation(group, path, `resolves to ${label}, whose ${f.path} ${f.problem}`, `on ${label} ${f.fix}`);
                }
            }
        },
    }),
);
