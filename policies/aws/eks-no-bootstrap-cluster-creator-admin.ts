import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, asDict, aws, resourcePolicy, show } from "../core";

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
        "set at creation) and grant administrators explicitly with aws.eks.AccessEntry and aws.eks.AccessPolicyAssociation.",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html",
    appliesTo: aws.eksCluster,
    validate: (cluster, ctx) => {
        const raw = asDict(cluster.accessConfig)?.bootstrapClusterCreatorAdminPermissions;
        const bootstrap = asBool(raw);
        if (bootstrap === false) return;
        ctx.violation(
            "accessConfig.bootstrapClusterCreatorAdminPermissions",
            raw === undefined
                ? "is absent, and EKS then makes the cluster creator (often a CI role) a cluster-admin access entry that nothing in the program declares"
                : `is ${show(raw)}, so the cluster creator becomes a cluster-admin access entry that nothing in the program declares`,
            "set accessConfig.bootstrapClusterCreatorAdminPermissions: false and declare administrators with aws.eks.AccessEntry",
        );
    },
});
