import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import type { Unwrap } from "@pulumi/pulumi";
import { aws, cisEks, isUnknown, nsaHardening, peek, resourcePolicy, typescriptFix, wrongType } from "../core";
import { readBool, reporter } from "./read";

export const eksEndpointPrivate = resourcePolicy<Unwrap<ClusterArgs>>({
    name: "eks-endpoint-private",
    displayName: "EKS API endpoint is private",
    description: "The EKS API server endpoint is not reachable from the internet.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["aws", "control-plane"],
    framework: cisEks("5.4.2", "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled"),
    alsoCites: [
        nsaHardening("Network separation and hardening", "Control plane hardening"),
    ],
    why: "A public API endpoint exposes the cluster's authentication and every API vulnerability to the whole internet; stolen credentials work from anywhere.",
    fixExample: typescriptFix(`
        const cluster = new aws.eks.Cluster("prod", {
            roleArn: clusterRole.arn,
            vpcConfig: {
                subnetIds: privateSubnetIds,
                endpointPrivateAccess: true,
                endpointPublicAccess: false,
            },
        });
        // @pulumi/eks: new eks.Cluster("prod", { endpointPrivateAccess: true, endpointPublicAccess: false, ... })
    `),
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
