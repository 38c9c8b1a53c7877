import { gcp, resourcePolicy } from "../core";
import type { ClusterProps } from "./gke-nodes";
import { readString, wrong } from "./gke-values";

const fix = "set anonymousAuthenticationConfig: { mode: \"LIMITED\" }";

export const gkeAnonymousAuthLimited = resourcePolicy<ClusterProps>({
    name: "gke-anonymous-auth-limited",
    description: "Anonymous requests to the API server are limited to the health-check endpoints.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["gcp", "control-plane"],
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
