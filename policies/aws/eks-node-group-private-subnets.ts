import type { PolicyResource } from "@pulumi/policy";
import { aws, cisEks, isUnknown, linksOf, peek, stackPolicy, type StackCheckContext, wrongType } from "../core";
import { componentFix, knownComponents, parentUrnOf } from "./components";
import { labelOf, nodeGroups, nodeTypes, subnetProperty } from "./node-links";
import { withNodeGroupScope } from "./node-settings";
import { indices, readBool } from "./read";

const privateFix = "use private subnets (mapPublicIpOnLaunch: false, default route through a NAT gateway)";

/** The subnets of the stack that a component (e.g. awsx.ec2.Vpc) the property was computed from made. */
function subnetsOfComponents(ctx: StackCheckContext<unknown>, group: PolicyResource, property: string): { component: PolicyResource; subnets: PolicyResource[] }[] {
    const sources = (group.propertyDependencies ?? {})[property] ?? [];
    return sources
        .filter((s) => s && !s.type.startsWith("aws:") && !s.type.startsWith("pulumi:"))
        .map((component) => ({
            component,
            subnets: ctx.ofType(aws.subnet).filter((subnet) => {
                for (let p = subnet.parent; p; p = p.parent) if (p === component) return true;
                return false;
            }),
        }))
        .filter((c) => c.subnets.length > 0);
}

export const eksNodeGroupPrivateSubnets = withNodeGroupScope(
    stackPolicy({
        name: "eks-node-group-private-subnets",
        description:
            "EKS node groups (managed node groups, and Auto Scaling groups of an EKS cluster) run only in private subnets: " +
            "none of their subnets in the stack assigns public IPs on launch.",
        severity: "high",
        enforcementLevel: "mandatory",
        tags: ["aws", "network"],
        framework: cisEks("5.4.3", "Ensure clusters are created with Private Nodes"),
        remediationSteps:
            "Set `subnetIds` on the aws.eks.NodeGroup (`vpcZoneIdentifiers` on an aws.autoscaling.Group) to private subnets: " +
            "aws.ec2.Subnet resources with `mapPublicIpOnLaunch: false` whose default route goes to a NAT gateway, not an " +
            "internet gateway. With awsx, pass the awsx.ec2.Vpc's `privateSubnetIds`.",
        url: "https://docs.aws.amazon.com/eks/latest/best-practices/subnets.html",
        appliesTo: nodeTypes.nodeGroup,
        validateStack: (ctx) => {
            for (const { resource: group } of nodeGroups(ctx.resources)) {
                const property = subnetProperty(group);
                const fix = (path: string, text: string) => componentFix({ urn: group.urn, type: group.type, parentUrn: parentUrnOf(group) }, path, text);
                /** Reports the subnet when it assigns public IPs (judged on the subnet, which may defer). */
                const judgeSubnet = (subnet: PolicyResource, path: string, how: string) =>
                    ctx.judge(subnet, () => {
                        const mapsPublic = readBool(subnet.props, "mapPublicIpOnLaunch");
                        if (mapsPublic === "unknown") ctx.defer(subnet, "mapPublicIpOnLaunch");
                        if (mapsPublic !== true) return;
                        const awsx = knownComponents(subnet.urn).find((t) => t.startsWith("awsx:"));
                        const subnetFix = awsx ? "pass the awsx.ec2.Vpc's privateSubnetIds (awsx makes its public subnets with mapPublicIpOnLaunch: true)" : privateFix;
                        ctx.violation(group, path, `${how} ${labelOf(subnet)}, which has mapPublicIpOnLaunch: true, so nodes get public IP addresses`, fix(path, subnetFix));
                    });
                ctx.judge(group, () => {
                    const raw = peek(group.props, property);
                    if (raw === undefined || raw === null) return;
                    let unresolved = isUnknown(raw);
                    if (!unresolved && !Array.isArray(raw)) {
                        ctx.violation(group, property, wrongType("an array of subnet ids", raw), fix(property, privateFix));
                        return;
                    }
                    const matched = new Set<PolicyResource>();
                    for (const i of isUnknown(raw) ? [] : indices(raw)) {
                        const value = peek(raw, i);
                        if (isUnknown(value)) {
                            unresolved = true;
                            continue;
                        }
                        for (const { target, via } of linksOf(ctx.resources, group, { property, values: [value], types: aws.subnet, fields: ["id", "arn"] })) {
                            if (via === "dependency") {
                                unresolved = true;
                                continue;
                            }
                            matched.add(target);
                            judgeSubnet(target, `${property}[${i}]`, "is");
                        }
                    }
                    if (!unresolved) return;
                    // Unknown in this preview: the subnets the property was computed from.
                    const sources = (group.propertyDependencies ?? {})[property] ?? [];
                    for (const subnet of sources.filter((s) => s && aws.subnet.has(s.type) && !matched.has(s))) judgeSubnet(subnet, property, "is computed from");
                    for (const { component, subnets } of subnetsOfComponents(ctx, group, property)) {
                        const publicOnes = subnets.filter((s) => readBool(s.props, "mapPublicIpOnLaunch") !== false);
                        if (publicOnes.length === subnets.length) {
                            ctx.violation(
                                group,
                                property,
                                `is computed from ${labelOf(component)}, whose subnets all assign public IPs on launch, so nodes get public IP addresses`,
                                fix(property, privateFix),
                            );
                        } else if (publicOnes.length > 0) {
                            const names = publicOnes.map(labelOf).join(", ");
                            ctx.defer(group, property, `is computed from ${labelOf(component)}, which made private subnets and public ones (${names}), so which of them it lists`);
                        }
                    }
                });
            }
        },
    }),
);
