import { cisGke, gcp, resourcePolicy } from "../core";
import type { ClusterProps } from "./gke-nodes";
import { readBool, readDict, readString, wrong } from "./gke-values";

export const gkeNoBasicAuthClientCert = resourcePolicy<ClusterProps>({
    name: "gke-no-basic-auth-client-cert",
    description: "Static credentials are off: no basic-auth password and no issued client certificate.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "identity"],
    framework: cisGke("5.8.1", "Ensure authentication using Client Certificates is Disabled"),
    remediationSteps:
        "On the gcp.container.Cluster set `masterAuth: { clientCertificateConfig: { issueClientCertificate: false } }` " +
        "(or omit masterAuth: client certificates are off by default) and remove any masterAuth username/password.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/api-server-authentication#legacy-auth",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        const auth = readDict(ctx, cluster, "masterAuth", "set masterAuth: { clientCertificateConfig: { issueClientCertificate: false } } or remove it");
        if (!auth || auth === wrong) return;
        ctx.judge(() => {
            const fix = "set issueClientCertificate: false";
            if (readBool(ctx, auth, "clientCertificateConfig.issueClientCertificate", fix, "masterAuth") === true) {
                ctx.violation("masterAuth.clientCertificateConfig.issueClientCertificate", "is true, so GKE issues a client certificate that cannot be revoked", fix);
            }
        });
        // username/password left @pulumi/gcp with GKE's removal of basic auth; older programs may still send them.
        for (const field of ["username", "password"]) {
            ctx.judge(() => {
                const value = readString(ctx, auth, field, `remove masterAuth.${field}`, "masterAuth");
                if (value !== wrong && value?.trim()) ctx.violation(`masterAuth.${field}`, "is set, which enables basic authentication", `remove masterAuth.${field}`);
            });
        }
    },
});
