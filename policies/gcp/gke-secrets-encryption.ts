import { asDict, asString, cisGke, gcp, resourcePolicy } from "../core";
import type { ClusterProps } from "./gke-nodes";

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
        const encryption = asDict(cluster.databaseEncryption);
        const state = asString(encryption?.state);
        if (state?.toUpperCase() !== "ENCRYPTED") {
            ctx.violation(
                "databaseEncryption.state",
                state === undefined
                    ? "is absent, and GKE then protects Secrets in etcd only with Google-managed storage encryption"
                    : `is ${JSON.stringify(state)}`,
                "set databaseEncryption: { state: \"ENCRYPTED\", keyName: <Cloud KMS key id> }",
            );
            return;
        }
        if (!asString(encryption?.keyName)?.trim()) {
            ctx.violation("databaseEncryption.keyName", "is absent or empty", "set databaseEncryption.keyName to a Cloud KMS key id");
        }
    },
});
