import { asDict, isUnknown, peek, show, stackPolicy, wrongType } from "../core";
import { componentFix, parentUrnOf } from "./components";
import { nodeGroups, nodeTypes, refValues, resolveRef, type TemplateRef, templateRefs } from "./node-links";
import { imdsSetting, withNodeGroupScope } from "./node-settings";

interface Config {
    allowExternalLaunchTemplates: boolean;
}

/** A reference field holding something other than a string (a numeric id, an object). */
function wrongTypedField(ref: TemplateRef): { path: string; value: unknown; expected: string } | undefined {
    const bad = (v: unknown) => v !== undefined && v !== null && !isUnknown(v) && typeof v !== "string";
    if (ref.kind === "configuration") return bad(ref.value) ? { path: ref.path, value: ref.value, expected: "a launch configuration name" } : undefined;
    for (const key of ["id", "name", "launchTemplateId", "launchTemplateName"]) {
        const value = peek(ref.value, key);
        if (bad(value)) return { path: `${ref.path}.${key}`, value, expected: `a launch template ${key.toLowerCase().endsWith("id") ? "id" : "name"} string` };
    }
    return undefined;
}

const createTemplate = `create an aws.ec2.LaunchTemplate that sets ${imdsSetting} and set launchTemplate: { id: template.id, version: template.latestVersion.apply(String) }`;

export const eksNodeGroupImdsHardened = withNodeGroupScope(
    stackPolicy<Config>({
        name: "eks-node-group-imds-hardened",
        description:
            "Every EKS node group (managed node groups, and Auto Scaling groups of an EKS cluster) launches from a launch " +
            "template or launch configuration in the stack, so its metadata options can be checked: a managed node group " +
            "without one gets EKS's own template, whose hop limit of 2 lets pods take the node's IAM credentials. The " +
            "template's own metadata options are eks-launch-template-imdsv2's finding.",
        severity: "high",
        enforcementLevel: "mandatory",
        tags: ["aws", "nodes"],
        remediationSteps:
            `Create an aws.ec2.LaunchTemplate with \`${imdsSetting}\` and set ` +
            "`launchTemplate: { id: template.id, version: template.latestVersion.apply(String) }` on the aws.eks.NodeGroup " +
            "(or the aws.autoscaling.Group). Give pods AWS access through EKS Pod Identity or IRSA instead of the node role.",
        url: "https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html",
        configSchema: {
            properties: {
                allowExternalLaunchTemplates: {
                    type: "boolean",
                    default: false,
                    description: "Accept launch templates that are not in the stack (their metadata options cannot be checked here).",
                },
            },
        },
        appliesTo: nodeTypes.nodeGroup,
        validateStack: (ctx) => {
            for (const { resource: group, managed } of nodeGroups(ctx.resources)) {
                const fix = (path: string, text: string) => componentFix({ urn: group.urn, type: group.type, parentUrn: parentUrnOf(group) }, path, text);
                ctx.judge(group, () => {
                    const refs = templateRefs(group);
                    if (managed && refs.length === 0) {
                        ctx.violation(
                            group,
                            "launchTemplate",
                            "is absent, and EKS then launches the nodes from its own launch template, whose metadata hop limit of 2 lets pods reach the node's IAM credentials",
                            fix("launchTemplate", createTemplate),
                        );
                    }
                    for (const ref of refs) {
                        if (ref.kind === "template" && !isUnknown(ref.value) && !asDict(ref.value)) {
                            ctx.violation(group, ref.path, wrongType("an object with the launch template's id or name", ref.value), fix(ref.path, createTemplate));
                            continue;
                        }
                        const wrong = wrongTypedField(ref);
                        if (wrong) {
                            ctx.violation(group, wrong.path, wrongType(wrong.expected, wrong.value), fix(ref.path, createTemplate));
                            continue;
                        }
                        const values = refValues(ref);
                        if (values.length === 0) {
                            ctx.violation(group, ref.path, "has neither id nor name", fix(ref.path, "set launchTemplate.id to the launch template's id"));
                            continue;
                        }
                        if (resolveRef(ctx.resources, group, ref).length > 0) continue;
                        if (values.some(isUnknown)) {
                            ctx.defer(group, ref.path, "is computed from no launch template of this stack");
                            continue;
                        }
                        if (ctx.config.allowExternalLaunchTemplates) continue;
                        const what = ref.kind === "template" ? "aws.ec2.LaunchTemplate" : "aws.ec2.LaunchConfiguration";
                        ctx.violation(
                            group,
                            ref.path,
                            `is ${show(values.length === 1 ? values[0] : values)}, which matches no ${what} in this stack, so its metadata options cannot be checked`,
                            "manage the launch template in this stack, or set this policy's allowExternalLaunchTemplates after checking it elsewhere",
                        );
                    }
                });
            }
        },
    }),
);
