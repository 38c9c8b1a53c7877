import { gcp, nsaHardening, resourcePolicy, typescriptFix } from "../core";
import type { ClusterProps } from "./gke-nodes";
import { readString, wrong } from "./gke-values";

const fix = "set anonymousAuthenticationConfig: { mode: \"LIMITED\" }";

export const gkeAnonymousAuthLimited = resourcePolicy<ClusterProps>({
    name: "gke-anonymous-auth-limited",
    displayName: "GKE anonymous access limited to health checks",
    description: "Anonymous requests to the API server are limited to the health-check endpoints.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["gcp", "control-plane"],
    framework: nsaHardening("Authentication and authorization", "Authentication"),
    why: "Anonymous requests reach whatever system:anonymous or system:unauthenticated is bound to; one careless binding exposes the cluster to the internet.",
    fixExample: typescriptFix(`
        const cluster = new gcp.container.Cluster("prod", {
            location: "europe-west1",
            anonymousAuthenticationConfig: { mode: "LIMITED" },
        });
    `),
    remediationSteps: "On the gcp.container.Cluster set `anonymousAuthenticationConfig: { mode: \"LIMITED\" }`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#restrict-anon-access",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        const mode = readString(ctx, cluster, "anonymousAuthenticationConfig.mode", fix);
        if (mode === wrong || mode?.toUpperCase() === "LIMITED") return;
        ctx.violation(
            "anonymousAuthenticationConfig.mode",
            mode === undefined ? "is absent, and GKE then serves anonymous requests on every endpoint RBAC allows" : `is ${JSON.stringify(mode)}`,
            fix,
        );
    },
});
