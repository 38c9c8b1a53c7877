import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import type { Unwrap } from "@pulumi/pulumi";
import { aws, cisEks, isUnknown, peek, resourcePolicy, wrongType } from "../core";
import { readBool, reporter } from "./read";

export const eksEndpointPrivate = resourcePolicy<Unwrap<ClusterArgs>>({
    name: "eks-endpoint-private",
    description: "The EKS API server endpoint is not reachable from the internet.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["aws", "control-plane"],
    framework: cisEks("5.4.2", "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled"),
    remediationSteps:
        "Set `vpcConfig.endpointPublicAccess: false` (and `vpcConfig.endpointPrivateAccess: true`) on the " +
        "aws.eks.Cluster, and reach the API from inside the VPC (VPN, bastion or CI runner in the VPC). With @pulumi/eks, set " +
        "`endpointPublicAccess: false` and `endpointPrivateAccess: true` on the eks.Cluster.",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
    appliesTo: aws.eksCluster,
    validate: (cluster, ctx) => {
        const vpc = peek(cluster, "vpcConfig");
        if (isUnknown(vpc)) return ctx.defer("vpcConfig");
        const publicAccess = readBool(vpc, "endpointPublicAccess");
        if (publicAccess === false) return;
        if (publicAccess === "unknown") return ctx.defer("vpcConfig.endpointPublicAccess");
        const problem =
            publicAccess === true
                ? "is true"
                : publicAccess === "wrong"
                  ? wrongType("a boolean", peek(vpc, "endpointPublicAccess"))
                  : "is absent, and EKS then exposes the endpoint publicly";
        reporter(ctx)("vpcConfig.endpointPublicAccess", problem, "set vpcConfig.endpointPublicAccess: false");
    },
});
