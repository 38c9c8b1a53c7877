import { asStrings, resourcePolicy } from "../core";
import { type GkeProps, gkeClusterOrPool, isDefaultServiceAccount, nodeTargets } from "./gke-nodes";

const broadScopes = new Set(["https://www.googleapis.com/auth/cloud-platform", "cloud-platform"]);

export const gkeNoCloudPlatformScope = resourcePolicy<GkeProps>({
    name: "gke-no-cloud-platform-scope",
    description:
        "Nodes on the Compute Engine default service account do not get the cloud-platform OAuth scope, which would " +
        "hand every pod the project Editor's reach.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "identity"],
    remediationSteps:
        "Best: give the nodes a dedicated service account (`nodeConfig.serviceAccount`). Otherwise remove " +
        "\"https://www.googleapis.com/auth/cloud-platform\" from `nodeConfig.oauthScopes` (or " +
        "`clusterAutoscaling.autoProvisioningDefaults.oauthScopes`) and list only the scopes the nodes need.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/access-scopes",
    appliesTo: gkeClusterOrPool,
    validate: (props, ctx) => {
        for (const target of nodeTargets(props, ctx, { autoProvisioning: true })) {
            if (!isDefaultServiceAccount(target.config?.serviceAccount)) continue;
            asStrings(target.config?.oauthScopes).forEach((scope, i) => {
                if (!broadScopes.has(scope.trim())) return;
                ctx.violation(
                    `${target.path}.oauthScopes[${i}]`,
                    `is ${JSON.stringify(scope)}${target.where} on the Compute Engine default service account`,
                    "use a dedicated service account, or drop the cloud-platform scope",
                );
            });
        }
    },
});
