import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asDict, asString, aws, cisEks, isUnknown, peek, resourcePolicy, show, wrongType } from "../core";
import { madeByEksComponent } from "./components";
import { indices, reporter } from "./read";

const fix = 'set encryptionConfig: { resources: ["secrets"], provider: { keyArn: key.arn } } with a customer-managed aws.kms.Key';

export const eksSecretsEncryption = resourcePolicy<Unwrap<ClusterArgs>>({
    name: "eks-secrets-encryption",
    description:
        "Kubernetes secrets get envelope encryption with a customer-managed KMS key. A key ARN that is unknown in a preview " +
        "(computed from an aws.kms.Key of the stack) is still a configured customer key; eks-kms-key-rotation judges that key.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["aws", "encryption"],
    framework: cisEks("5.3.1", "Ensure Kubernetes Secrets are encrypted using Customer Master Keys (CMKs) managed in AWS KMS"),
    remediationSteps:
        "Create an aws.kms.Key with `enableKeyRotation: true` and set `encryptionConfig: { resources: [\"secrets\"], " +
        "provider: { keyArn: key.arn } }` on the aws.eks.Cluster (with @pulumi/eks: `encryptionConfigKeyArn: key.arn` on the " +
        "eks.Cluster). EKS 1.28 and later encrypt with an AWS-owned key by default, which you cannot audit, rotate or " +
        "revoke: that default does not satisfy this control.",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html",
    appliesTo: aws.eksCluster,
    validate: (cluster, ctx) => {
        const report = reporter(ctx);
        const raw = peek(cluster, "encryptionConfig");
        if (isUnknown(raw)) {
            // @pulumi/eks computes the whole block from encryptionConfigKeyArn, always with resources ["secrets"]
            // (nodejs/eks/cluster/cluster.ts, v4.3.0): its presence is the verdict.
            if (madeByEksComponent(ctx.urn)) return;
            return ctx.defer("encryptionConfig", "is computed as a whole from another resource");
        }
        // @pulumi/aws v7 has one block; older programs and exports may carry a list of them.
        const blocks = Array.isArray(raw)
            ? indices(raw).map((i) => ({ block: peek(raw, i), path: `encryptionConfig[${i}]` }))
            : [{ block: raw, path: "encryptionConfig" }];
        const usable = blocks.filter((b) => isUnknown(b.block) || asDict(b.block));
        if (usable.length === 0) {
            const problem =
                raw === undefined || raw === null || (Array.isArray(raw) && blocks.length === 0)
                    ? `${raw === undefined || raw === null ? "is absent" : `is ${show(raw)}`}, and EKS then encrypts secrets only with an AWS-owned key (1.28+) or not at all`
                    : wrongType("an object", raw);
            return report("encryptionConfig", problem, fix);
        }
        if (usable.some((b) => isUnknown(b.block))) return;
        // EKS accepts only "secrets" in resources, so an unknown list can only name secrets.
        const forSecrets = usable.find((b) => {
            const resources = peek(b.block, "resources");
            return isUnknown(resources) || (Array.isArray(resources) && indices(resources).some((i) => isUnknown(peek(resources, i)) || peek(resources, i) === "secrets"));
        });
        if (!forSecrets) {
            const first = usable[0];
            const resources = peek(first.block, "resources");
            const problem = resources !== undefined && !Array.isArray(resources) ? wrongType('an array such as ["secrets"]', resources) : `is ${show(resources)}, without "secrets"`;
            return report(`${first.path}.resources`, problem, 'set resources: ["secrets"]');
        }
        const provider = peek(forSecrets.block, "provider");
        if (isUnknown(provider)) return;
        const keyRaw = peek(asDict(provider), "keyArn");
        // Presence decides: an ARN computed from a key of the stack is a customer-managed key.
        if (isUnknown(keyRaw)) return;
        const path = `${forSecrets.path}.provider.keyArn`;
        const keyArn = asString(keyRaw)?.trim();
        if (keyRaw !== undefined && keyRaw !== null && typeof keyRaw !== "string") {
            report(path, wrongType("a KMS key ARN string", keyRaw), fix);
        } else if (!keyArn) {
            report(path, "is absent, so no customer-managed key encrypts the secrets", fix);
        } else if (/:alias\/aws\//.test(keyArn) || keyArn.startsWith("alias/aws/")) {
            report(path, `is ${show(keyArn)}, an AWS-managed key alias`, "use the ARN of a customer-managed aws.kms.Key");
        }
    },
});
