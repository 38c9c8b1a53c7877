import type { PolicyResource } from "@pulumi/policy";
import { asArray, asBool, asDict, asString, aws, show, stackPolicy } from "../core";
import { resolve } from "./node-settings";

/** The key ARNs a cluster's encryptionConfig names (one block in @pulumi/aws v7, a list in older exports). */
function clusterKeyRefs(cluster: PolicyResource): string[] {
    const raw = asDict(cluster.props)?.encryptionConfig;
    const blocks = Array.isArray(raw) ? asArray(raw) : [raw];
    return blocks.map((b) => asString(asDict(asDict(b)?.provider)?.keyArn)).filter((k): k is string => !!k);
}

export const eksKmsKeyRotation = stackPolicy({
    name: "eks-kms-key-rotation",
    description: "The customer-managed KMS key that encrypts an EKS cluster's secrets rotates its key material automatically.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["aws", "encryption"],
    remediationSteps:
        "Set `enableKeyRotation: true` (optionally `rotationPeriodInDays`) on the aws.kms.Key whose ARN the aws.eks.Cluster " +
        "uses in `encryptionConfig.provider.keyArn`.",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
    appliesTo: aws.kmsKey,
    validateStack: (ctx) => {
        const reported = new Set<PolicyResource>();
        for (const cluster of ctx.ofType(aws.eksCluster)) {
            for (const ref of clusterKeyRefs(cluster)) {
                const key = resolve(ctx.resources, aws.kmsKey, ref, ["arn", "keyId", "id"]);
                if (!key || reported.has(key)) continue;
                const raw = asDict(key.props)?.enableKeyRotation;
                if (asBool(raw) === true) continue;
                reported.add(key);
                ctx.violation(
                    key,
                    "enableKeyRotation",
                    `${raw === undefined ? "is absent, and KMS then never rotates the key" : `is ${show(raw)}`}; the key encrypts the secrets of ${ctx.label(cluster)}`,
                    "set enableKeyRotation: true",
                );
            }
        }
    },
});
