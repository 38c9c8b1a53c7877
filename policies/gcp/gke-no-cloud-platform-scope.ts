import { isUnknown, peek, resourcePolicy } from "../core";
import { defaultAccount, forEachTarget, type GkeProps, gkeClusterOrPool, nodeTargets, resolveComputedAccounts } from "./gke-nodes";
import { readStrings, wrong } from "./gke-values";

const api = "https://www.googleapis.com/auth/";

/**
 * Scopes that let the default service account (project Editor) act on whole APIs: everything, or write
 * and admin access to compute, storage, IAM and data services. gcloud's short aliases (which the provider
 * accepts, tpgresource.CanonicalizeServiceScope) count too.
 */
const broadScopes: Record<string, string> = {
    "cloud-platform": "every Google Cloud API",
    compute: "read-write Compute Engine (instances, disks, firewalls)",
    "devstorage.full_control": "full control of every Cloud Storage bucket",
    "devstorage.read_write": "read-write access to every Cloud Storage bucket",
    iam: "the IAM API (service account keys and tokens)",
    "sqlservice.admin": "Cloud SQL administration",
    bigquery: "read-write BigQuery",
    datastore: "read-write Datastore",
    pubsub: "read-write Pub/Sub",
    "source.full_control": "read-write Cloud Source Repositories",
    "cloud.useraccounts": "read-write Cloud User Accounts",
};
const aliases: Record<string, string> = {
    "cloud-platform": "cloud-platform",
    "compute-rw": "compute",
    "storage-full": "devstorage.full_control",
    "storage-rw": "devstorage.read_write",
    "sql-admin": "sqlservice.admin",
    bigquery: "bigquery",
    datastore: "datastore",
    pubsub: "pubsub",
    "cloud-source-repos": "source.full_control",
    "useraccounts-rw": "cloud.useraccounts",
};

/** The broad scope a value names (full URL or gcloud alias), if any. */
function broadScope(scope: string): string | undefined {
    const text = scope.trim();
    const name = text.startsWith(api) ? text.slice(api.length) : aliases[text];
    return name !== undefined && broadScopes[name] !== undefined ? name : undefined;
}

export const gkeNoCloudPlatformScope = resourcePolicy<GkeProps>({
    name: "gke-no-cloud-platform-scope",
    description:
        "Nodes on the Compute Engine default service account get no broad OAuth scope (cloud-platform, read-write compute, " +
        "devstorage.full_control and the like), which would hand every pod the project Editor's reach over those APIs.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "identity"],
    remediationSteps:
        "Best: give the nodes a dedicated service account (`nodeConfig.serviceAccount`). Otherwise remove broad scopes such as " +
        "\"https://www.googleapis.com/auth/cloud-platform\", \".../auth/compute\" and \".../auth/devstorage.full_control\" from " +
        "`nodeConfig.oauthScopes` (or `clusterAutoscaling.autoProvisioningDefaults.oauthScopes`) and list only the scopes the " +
        "nodes need, such as logging.write, monitoring and devstorage.read_only.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/access-scopes",
    appliesTo: gkeClusterOrPool,
    validate: (props, ctx) => {
        forEachTarget(ctx, nodeTargets(props, ctx, { autoProvisioning: true }), (target) => {
            // A dedicated account's reach is what IAM grants it; scopes matter on the default (Editor) account.
            if (defaultAccount(ctx, target) !== true) return;
            const fix = "use a dedicated service account, or list only narrow scopes";
            const scopes = readStrings(ctx, target.config, "oauthScopes", fix, target.path);
            if (scopes === wrong || scopes === undefined) return;
            scopes.forEach((scope, i) => {
                const name = broadScope(scope);
                if (name === undefined) return;
                ctx.violation(
                    `${target.path}.oauthScopes[${i}]`,
                    `is ${JSON.stringify(scope)}${target.where} on the Compute Engine default service account, which grants ${broadScopes[name]}`,
                    fix,
                );
            });
        });
    },
    // Whose account is computed elsewhere matters only where broad scopes are (or may be) listed.
    validateStack: (ctx) =>
        resolveComputedAccounts(ctx, (settings) => {
            const scopes = peek(settings, "oauthScopes");
            if (isUnknown(scopes)) return true;
            for (let i = 0; Array.isArray(scopes) && i < scopes.length; i++) {
                const scope = peek(scopes, i);
                if (isUnknown(scope) || (typeof scope === "string" && broadScope(scope) !== undefined)) return true;
            }
            return false;
        }),
});
