import type { PolicyResource } from "@pulumi/policy";
import { asBool, asDict, aws, isUnknown, linksOf, peek, show, stackPolicy, wrongType } from "../core";
import { indices } from "./read";

/** The key references of a cluster's encryptionConfig (one block in @pulumi/aws v7, a list in older exports); unknowns included. */
function clusterKeyRefs(cluster: PolicyResource): unknown[] {
    const raw = peek(cluster.props, "encryptionConfig");
    if (isUnknown(raw)) return [raw];
    const blocks = Array.isArray(raw) ? indices(raw).map((i) => peek(raw, i)) : [raw];
    return blocks.map((block) => {
        if (isUnknown(block)) return block;
        const provider = peek(asDict(block), "provider");
        return isUnknown(provider) ? provider : peek(asDict(provider), "keyArn");
    }).filter((ref) => ref !== undefined);
}

export const eksKmsKeyRotation = stackPolicy({
    name: "eks-kms-key-rotation",
    description:
        "The customer-managed KMS key that encrypts an EKS cluster's secrets rotates its key material automatically. The " +
        "key is found by its ARN, or, while the ARN is unknown in a preview, by the aws.kms.Key the cluster's encryptionConfig was computed from.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["aws", "encryption"],
    remediationSteps:
        "Set `enableKeyRotation: true` (optionally `rotationPeriodInDays`) on the aws.kms.Key whose ARN the aws.eks.Cluster " +
        "uses in `encryptionConfig.provider.keyArn` (with @pulumi/eks: the key passed as `encryptionConfigKeyArn`).",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
    appliesTo: aws.kmsKey,
    validateStack: (ctx) => {
        const reported = new Set<PolicyResource>();
        for (const cluster of ctx.ofType(aws.eksCluster)) {
            const keys = linksOf(ctx.resources, cluster, {
                property: "encryptionConfig",
                values: clusterKeyRefs(cluster),
                types: aws.kmsKey,
                fields: ["arn", "keyId", "id"],
            });
            for (const { target: key } of keys) {
                if (reported.has(key)) continue;
                reported.add(key);
                ctx.judge(key, () => {
                    const raw = peek(key.props, "enableKeyRotation");
                    if (isUnknown(raw)) return ctx.defer(key, "enableKeyRotation");
                    const rotation = asBool(raw);
                    if (rotation === true) return;
                    const found =
                        raw === undefined ? "is absent, and KMS then never rotates the key" : rotation === undefined ? wrongType("a boolean", raw) : `is ${show(raw)}`;
                    ctx.violation(key, "enableKeyRotation", `${found}; the key encrypts the secrets of ${ctx.label(cluster)}`, "set enableKeyRotation: true");
                });
            }
        }
    },
});
