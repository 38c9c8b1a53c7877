import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, asDict, aws, cisEks, resourcePolicy } from "../core";

export const eksPrivateAccessEnabled = resourcePolicy<Unwrap<ClusterArgs>>({
    name: "eks-private-access-enabled",
    description: "The EKS private API endpoint is on, so nodes and in-VPC clients reach the API server without leaving the VPC.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["aws", "network"],
    framework: cisEks("5.4.2", "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled"),
    remediationSteps: "Set `vpcConfig.endpointPrivateAccess: true` on the aws.eks.Cluster.",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
    appliesTo: aws.eksCluster,
    validate: (cluster, ctx) => {
        const privateAccess = asBool(asDict(cluster.vpcConfig)?.endpointPrivateAccess);
        if (privateAccess === true) return;
        ctx.violation(
            "vpcConfig.endpointPrivateAccess",
            privateAccess === false
                ? "is false, so nodes reach the API server over its public endpoint"
                : "is absent, and EKS then leaves the private endpoint off, so nodes reach the API server over its public endpoint",
            "set vpcConfig.endpointPrivateAccess: true",
        );
    },
});
