import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asDict, asString, asStrings, aws, cisEks, resourcePolicy, show } from "../core";

const fix = 'set encryptionConfig: { resources: ["secrets"], provider: { keyArn: key.arn } } with a customer-managed aws.kms.Key';

export const eksSecretsEncryption = resourcePolicy<Unwrap<ClusterArgs>>({
    name: "eks-secrets-encryption",
    description: "Kubernetes secrets get envelope encryption with a customer-managed KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["aws", "encryption"],
    framework: cisEks("5.3.1", "Ensure Kubernetes Secrets are encrypted using Customer Master Keys (CMKs) managed in AWS KMS"),
    remediationSteps:
        "Create an aws.kms.Key with `enableKeyRotation: true` and set `encryptionConfig: { resources: [\"secrets\"], " +
        "provider: { keyArn: key.arn } }` on the aws.eks.Cluster. EKS 1.28 and later encrypt with an AWS-owned key by " +
        "default, which you cannot audit, rotate or revoke: that default does not satisfy this control.",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html",
    appliesTo: aws.eksCluster,
    validate: (cluster, ctx) => {
        const raw = cluster.encryptionConfig as unknown;
        // @pulumi/aws v7 has one block; older programs and exports may carry a list of them.
        const blocks = Array.isArray(raw) ? raw.map((b, i) => ({ block: asDict(b), path: `encryptionConfig[${i}]` })) : [{ block: asDict(raw), path: "encryptionConfig" }];
        const usable = blocks.filter((b) => b.block);
        if (usable.length === 0) {
            ctx.violation(
                "encryptionConfig",
                `${raw === undefined ? "is absent" : `is ${show(raw)}`}, and EKS then encrypts secrets only with an AWS-owned key (1.28+) or not at all`,
                fix,
            );
            return;
        }
        const forSecrets = usable.find((b) => asStrings(b.block!.resources).includes("secrets"));
        if (!forSecrets) {
            const first = usable[0];
            ctx.violation(`${first.path}.resources`, `is ${show(first.block!.resources)}, without "secrets"`, 'set resources: ["secrets"]');
            return;
        }
        const keyArn = asString(asDict(forSecrets.block!.provider)?.keyArn)?.trim();
        if (!keyArn) {
            ctx.violation(`${forSecrets.path}.provider.keyArn`, "is absent, so no customer-managed key encrypts the secrets", fix);
        } else if (/:alias\/aws\//.test(keyArn) || keyArn.startsWith("alias/aws/")) {
            ctx.violation(`${forSecrets.path}.provider.keyArn`, `is ${show(keyArn)}, an AWS-managed key alias`, "use the ARN of a customer-managed aws.kms.Key");
        }
    },
});
