import type { NodeGroupArgs } from "@pulumi/aws/eks/nodeGroup";
import type { Unwrap } from "@pulumi/pulumi";
import { asDict, asString, aws, isUnknown, peek, resourcePolicy, show, wrongType } from "../core";
import { indices, reporter } from "./read";

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
        const remote = peek(group, "remoteAccess");
        if (isUnknown(remote)) return ctx.defer("remoteAccess");
        const rawKey = peek(asDict(remote), "ec2SshKey");
        // Presence decides: a key name computed from an aws.ec2.KeyPair is still a key.
        if (!isUnknown(rawKey) && !asString(rawKey)?.trim()) return;
        const sources = peek(remote, "sourceSecurityGroupIds");
        // An unknown list is computed from security groups of the stack: it names some.
        if (isUnknown(sources) || (Array.isArray(sources) && indices(sources).length > 0)) return;
        const found = sources === undefined || sources === null ? "is absent" : Array.isArray(sources) ? `is ${show(sources)}` : wrongType("an array of security group ids", sources);
        reporter(ctx)(
            "remoteAccess.sourceSecurityGroupIds",
            `${found} while remoteAccess.ec2SshKey is set, and EKS then opens port 22 (3389 on Windows) on the nodes to 0.0.0.0/0`,
            "list the security groups allowed to connect in remoteAccess.sourceSecurityGroupIds, or remove remoteAccess and use SSM Session Manager",
        );
    },
});
