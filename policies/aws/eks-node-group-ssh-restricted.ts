import type { NodeGroupArgs } from "@pulumi/aws/eks/nodeGroup";
import type { Unwrap } from "@pulumi/pulumi";
import { asArray, asDict, asString, aws, resourcePolicy, show } from "../core";

export const eksNodeGroupSshRestricted = resourcePolicy<Unwrap<NodeGroupArgs>>({
    name: "eks-node-group-ssh-restricted",
    description:
        "A node group with an SSH key also names the security groups allowed to connect; otherwise EKS opens port 22 " +
        "(3389 on Windows) on every node to the internet.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["aws", "nodes"],
    remediationSteps:
        "Remove `remoteAccess` from the aws.eks.NodeGroup and use SSM Session Manager, or set " +
        "`remoteAccess: { ec2SshKey: key.keyName, sourceSecurityGroupIds: [bastion.id] }`.",
    url: "https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html",
    appliesTo: aws.eksNodeGroup,
    validate: (group, ctx) => {
        const remote = asDict(group.remoteAccess);
        const key = asString(remote?.ec2SshKey)?.trim();
        if (!remote || !key) return;
        const sources = remote.sourceSecurityGroupIds;
        if (asArray(sources).length > 0) return;
        ctx.violation(
            "remoteAccess.sourceSecurityGroupIds",
            `${sources === undefined ? "is absent" : `is ${show(sources)}`} while remoteAccess.ec2SshKey is set, and EKS then opens port 22 (3389 on Windows) on the nodes to 0.0.0.0/0`,
            "list the security groups allowed to connect in remoteAccess.sourceSecurityGroupIds, or remove remoteAccess and use SSM Session Manager",
        );
    },
});
