import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import type { Unwrap } from "@pulumi/pulumi";
import { aws, cisEks, isUnknown, peek, resourcePolicy, wrongType } from "../core";
import { readBool, reporter } from "./read";

export const eksPrivateAccessEnabled = resourcePolicy<Unwrap<ClusterArgs>>({
    name: "eks-private-access-enabled",
    description: "The EKS private API endpoint is on, so nodes and in-VPC clients reach the API server without leaving the VPC.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["aws", "network"],
    framework: cisEks("5.4.2", "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled"),
    remediationSteps: "Set `vpcConfig.endpointPrivateAccess: true` on the aws.eks.Cluster (with @pulumi/eks: `endpointPrivateAccess: true` on the eks.Cluster).",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
    appliesTo: aws.eksCluster,
    validate: (cluster, ctx) => {
        const vpc = peek(cluster, "vpcConfig");
        if (isUnknown(vpc)) return ctx.defer("vpcConfig");
        const privateAccess = readBool(vpc, "endpointPrivateAccess");
        if (privateAccess === true) return;
        if (privateAccess === "unknown") return ctx.defer("vpcConfig.endpointPrivateAccess");
        const problem =
            privateAccess === false
                ? "is false, so nodes reach the API server over its public endpoint"
                : privateAccess === "wrong"
                  ? wrongType("a boolean", peek(vpc, "endpointPrivateAccess"))
                  : "is absent, and EKS then leaves the private endpoint off, so nodes reach the API server over its public endpoint";
        reporter(ctx)("vpcConfig.endpointPrivateAccess", problem, "set vpcConfig.endpointPrivateAccess: true");
    },
});
