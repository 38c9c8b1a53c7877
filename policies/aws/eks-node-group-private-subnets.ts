import { asArray, asBool, asDict, aws, cisEks, stackPolicy } from "../core";
import { resolve, withAutoModeReason } from "./node-settings";

export const eksNodeGroupPrivateSubnets = withAutoModeReason(
    stackPolicy({
        name: "eks-node-group-private-subnets",
        description: "EKS managed node groups run only in private subnets: none of their subnets assigns public IPs on launch.",
        severity: "high",
        enforcementLevel: "mandatory",
        tags: ["aws", "network"],
        framework: cisEks("5.4.3", "Ensure clusters are created with Private Nodes"),
        remediationSteps:
            "Set `subnetIds` on the aws.eks.NodeGroup to private subnets: aws.ec2.Subnet resources with " +
            "`mapPublicIpOnLaunch: false` whose default route goes to a NAT gateway, not an internet gateway.",
        url: "https://docs.aws.amazon.com/eks/latest/best-practices/subnets.html",
        appliesTo: aws.eksNodeGroup,
        validateStack: (ctx) => {
            for (const group of ctx.ofType(aws.eksNodeGroup)) {
                asArray(asDict(group.props)?.subnetIds).forEach((ref, i) => {
                    const subnet = resolve(ctx.resources, aws.subnet, ref, ["id", "arn"]);
                    if (!subnet || asBool(asDict(subnet.props)?.mapPublicIpOnLaunch) !== true) return;
                    ctx.violation(
                        group,
                        `subnetIds[${i}]`,
                        `is ${ctx.label(subnet)}, which has mapPublicIpOnLaunch: true, so nodes get public IP addresses`,
                        "use private subnets (mapPublicIpOnLaunch: false, default route through a NAT gateway)",
                    );
                });
            }
        },
    }),
);
