import { cisGke, gcp, resourcePolicy } from "../core";
import type { ClusterProps } from "./gke-nodes";
import { readBool, readString, wrong } from "./gke-values";

const fix = "set binaryAuthorization: { evaluationMode: \"PROJECT_SINGLETON_POLICY_ENFORCE\" }";

export const gkeBinaryAuthorization = resourcePolicy<ClusterProps>({
    name: "gke-binary-authorization",
    description: "Binary Authorization enforces the project's policy, so only trusted (attested) images are deployed.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["gcp", "supply-chain"],
    framework: cisGke("5.10.4", "Ensure use of Binary Authorization"),
    remediationSteps:
        "On the gcp.container.Cluster set `binaryAuthorization: { evaluationMode: \"PROJECT_SINGLETON_POLICY_ENFORCE\" }` " +
        "and define the project policy with gcp.binaryauthorization.Policy.",
    url: "https://cloud.google.com/binary-authorization/docs/setting-up",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        const mode = readString(ctx, cluster, "binaryAuthorization.evaluationMode", fix);
        if (mode === wrong || mode?.trim().toUpperCase() === "PROJECT_SINGLETON_POLICY_ENFORCE") return;
        // The deprecated `enabled: true` means the same mode when evaluationMode is not given.
        if (mode === undefined) {
            const enabled = readBool(ctx, cluster, "binaryAuthorization.enabled", fix);
            if (enabled === true || enabled === wrong) return;
        }
        ctx.violation(
            "binaryAuthorization.evaluationMode",
            mode === undefined ? "is absent, and GKE then admits images without Binary Authorization" : `is ${JSON.stringify(mode)}`,
            fix,
        );
    },
});
