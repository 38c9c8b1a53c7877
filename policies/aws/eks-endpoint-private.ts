import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, asDict, aws, cisEks, resourcePolicy } from "../core";

export const eksEndpointPrivate = resourcePolicy<Unwrap<ClusterArgs>>({
    name: "eks-endpoint-private",
    description: "The EKS API server endpoint is not reachable from the internet.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["aws", "control-plane"],
    framework: cisEks("5.4.2", "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled"),
    remediationSteps:
        "Set `vpcConfig.endpointPublicAccess: false` (and `vpcConfig.endpointPrivateAccess: true`) on the " +
        "aws.eks.Cluster, and reach the API from inside the VPC (VPN, bastion or CI runner in the VPC).",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
    appliesTo: aws.eksCluster,
    validate: (cluster, ctx) => {
        const publicAccess = asBool(asDict(cluster.vpcConfig)?.endpointPublicAccess);
        if (publicAccess === false) return;
        ctx.violation(
            "vpcConfig.endpointPublicAccess",
            publicAccess === true ? "is true" : "is absent, and EKS then exposes the endpoint publicly",
            "set vpcConfig.endpointPublicAccess: false",
        );
    },
});
