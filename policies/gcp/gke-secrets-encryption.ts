import { cisGke, gcp, isUnknown, peek, resourcePolicy } from "../core";
import type { ClusterProps } from "./gke-nodes";
import { readString, wrong } from "./gke-values";

export const gkeSecretsEncryption = resourcePolicy<ClusterProps>({
    name: "gke-secrets-encryption",
    description: "Kubernetes Secrets are encrypted at the application layer with a Cloud KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "encryption"],
    framework: cisGke("5.3.1", "Ensure Kubernetes Secrets are encrypted using keys managed in Cloud KMS"),
    remediationSteps:
        "On the gcp.container.Cluster set `databaseEncryption: { state: \"ENCRYPTED\", keyName: key.id }` with a " +
        "gcp.kms.CryptoKey the GKE service agent may use (roles/cloudkms.cryptoKeyEncrypterDecrypter).",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        const fix = "set databaseEncryption: { state: \"ENCRYPTED\", keyName: <Cloud KMS key id> }";
        const state = readString(ctx, cluster, "databaseEncryption.state", fix);
        if (state === wrong) return;
        if (state?.trim().toUpperCase() !== "ENCRYPTED") {
            ctx.violation(
                "databaseEncryption.state",
                state === undefined
                    ? "is absent, and GKE then protects Secrets in etcd only with Google-managed storage encryption"
                    : `is ${JSON.stringify(state)}`,
                fix,
            );
            return;
        }
        // Only presence matters: a key computed from another resource (unknown in a preview) is a key.
        const encryption = cluster.databaseEncryption as unknown;
        if (isUnknown(peek(encryption, "keyName"))) return;
        const key = readString(ctx, encryption, "keyName", "set databaseEncryption.keyName to a Cloud KMS key id", "databaseEncryption");
        if (key !== wrong && !key?.trim()) {
            ctx.violation("databaseEncryption.keyName", key === undefined ? "is absent" : "is empty", "set databaseEncryption.keyName to a Cloud KMS key id");
        }
    },
});
