import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import type { Unwrap } from "@pulumi/pulumi";
import { aws, cisEks, isUnknown, peek, resourcePolicy, show, wrongType } from "../core";
import { reporter } from "./read";

interface Config {
    allowApiAndConfigMap: boolean;
}

const fix = 'set accessConfig: { authenticationMode: "API" } and grant access with aws.eks.AccessEntry resources';

export const eksApiAuthenticationMode = resourcePolicy<Unwrap<ClusterArgs>, Config>({
    name: "eks-api-authentication-mode",
    description:
        "The EKS cluster authenticates IAM principals only through EKS access entries (authenticationMode API), " +
        "not through the aws-auth ConfigMap.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["aws", "identity"],
    framework: cisEks("4.1.7", "Cluster Access Manager API to streamline and enhance the management of access controls within EKS clusters"),
    remediationSteps:
        'Set `accessConfig: { authenticationMode: "API" }` on the aws.eks.Cluster and manage access with aws.eks.AccessEntry ' +
        'and aws.eks.AccessPolicyAssociation. Migrate an existing cluster through "API_AND_CONFIG_MAP": move every ' +
        "aws-auth mapping to an access entry, then switch to \"API\" (the mode can only move forward). With @pulumi/eks, set " +
        '`authenticationMode: "API"` and `accessEntries` on the eks.Cluster.',
    url: "https://docs.aws.amazon.com/eks/latest/userguide/grant-k8s-access.html",
    configSchema: {
        properties: {
            allowApiAndConfigMap: {
                type: "boolean",
                default: false,
                description: 'Accept "API_AND_CONFIG_MAP" while a cluster migrates off the aws-auth ConfigMap.',
            },
        },
    },
    appliesTo: aws.eksCluster,
    validate: (cluster, ctx) => {
        const report = reporter(ctx);
        const access = peek(cluster, "accessConfig");
        const mode = isUnknown(access) ? access : peek(access, "authenticationMode");
        if (isUnknown(mode)) return ctx.defer("accessConfig.authenticationMode");
        if (mode === "API") return;
        if (mode === "API_AND_CONFIG_MAP") {
            if (ctx.config.allowApiAndConfigMap) return;
            report(
                "accessConfig.authenticationMode",
                'is "API_AND_CONFIG_MAP", a migration state in which the aws-auth ConfigMap still grants access',
                'move the aws-auth mappings to aws.eks.AccessEntry resources, then set authenticationMode: "API"',
            );
            return;
        }
        report(
            "accessConfig.authenticationMode",
            mode === undefined || mode === null
                ? "is absent, and EKS then uses CONFIG_MAP: access is granted only by the aws-auth ConfigMap, outside IAM and CloudTrail"
                : typeof mode !== "string"
                  ? wrongType('the string "API"', mode)
                  : `is ${show(mode)}, so access is granted by the aws-auth ConfigMap, outside IAM and CloudTrail`,
            fix,
        );
    },
});
