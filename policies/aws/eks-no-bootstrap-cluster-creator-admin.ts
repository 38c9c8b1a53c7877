import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import type { Unwrap } from "@pulumi/pulumi";
import { aws, isUnknown, peek, resourcePolicy, show, wrongType } from "../core";
import { readBool, reporter } from "./read";

export const eksNoBootstrapClusterCreatorAdmin = resourcePolicy<Unwrap<ClusterArgs>>({
    name: "eks-no-bootstrap-cluster-creator-admin",
    description:
        "EKS does not silently make the IAM principal that created the cluster a permanent cluster administrator; " +
        "administrators are granted explicitly with access entries.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["aws", "identity"],
    remediationSteps:
        "Set `accessConfig: { bootstrapClusterCreatorAdminPermissions: false }` on the aws.eks.Cluster (it can only be " +
        "set at creation) and grant administrators explicitly with aws.eks.AccessEntry and aws.eks.AccessPolicyAssociation. " +
        "@pulumi/eks's eks.Cluster cannot set it (it passes true); the finding gives the `transforms` resource option that does.",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html",
    appliesTo: aws.eksCluster,
    validate: (cluster, ctx) => {
        const access = peek(cluster, "accessConfig");
        if (isUnknown(access)) return ctx.defer("accessConfig");
        const bootstrap = readBool(access, "bootstrapClusterCreatorAdminPermissions");
        if (bootstrap === false) return;
        if (bootstrap === "unknown") return ctx.defer("accessConfig.bootstrapClusterCreatorAdminPermissions");
        const raw = peek(access, "bootstrapClusterCreatorAdminPermissions");
        reporter(ctx)(
            "accessConfig.bootstrapClusterCreatorAdminPermissions",
            bootstrap === undefined
                ? "is absent, and EKS then makes the cluster creator (often a CI role) a cluster-admin access entry that nothing in the program declares"
                : bootstrap === "wrong"
                  ? wrongType("a boolean", raw)
                  : `is ${show(raw)}, so the cluster creator becomes a cluster-admin access entry that nothing in the program declares`,
            "set accessConfig.bootstrapClusterCreatorAdminPermissions: false and declare administrators with aws.eks.AccessEntry",
        );
    },
});
