import { gcp, resourcePolicy } from "../core";
import { type ClusterProps, isAutopilot } from "./gke-nodes";
import { readBool, readString, wrong } from "./gke-values";

const fix =
    "set datapathProvider: \"ADVANCED_DATAPATH\" (Dataplane V2), or networkPolicy: { enabled: true, provider: \"CALICO\" } " +
    "with addonsConfig: { networkPolicyConfig: { disabled: false } }";

export const gkeNetworkPolicy = resourcePolicy<ClusterProps>({
    name: "gke-network-policy",
    description:
        "Kubernetes NetworkPolicy is enforced: by Dataplane V2 (ADVANCED_DATAPATH), which enforces it natively, or by Calico, " +
        "which needs both networkPolicy.enabled and the network policy add-on.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "network"],
    remediationSteps:
        "On the gcp.container.Cluster set `datapathProvider: \"ADVANCED_DATAPATH\"` (Dataplane V2, recommended), or " +
        "`networkPolicy: { enabled: true, provider: \"CALICO\" }` together with " +
        "`addonsConfig: { networkPolicyConfig: { disabled: false } }`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        if (isAutopilot(cluster)) ctx.notApplicable("Autopilot cluster: Dataplane V2 always enforces NetworkPolicy");
        const datapath = readString(ctx, cluster, "datapathProvider", fix);
        if (datapath === wrong || datapath?.trim().toUpperCase() === "ADVANCED_DATAPATH") return;
        const enabled = readBool(ctx, cluster, "networkPolicy.enabled", fix);
        if (enabled === wrong) return;
        if (enabled !== true) {
            ctx.violation(
                "networkPolicy.enabled",
                `is ${enabled === false ? "false" : "absent"} and datapathProvider is not "ADVANCED_DATAPATH", so GKE does not enforce NetworkPolicy objects`,
                fix,
            );
            return;
        }
        // Calico needs the add-on too: it is disabled by default (addons_config.network_policy_config, terraform-provider-google).
        const addonDisabled = readBool(ctx, cluster, "addonsConfig.networkPolicyConfig.disabled", fix);
        if (addonDisabled === false || addonDisabled === wrong) return;
        ctx.violation(
            "addonsConfig.networkPolicyConfig.disabled",
            `is ${addonDisabled === true ? "true" : "absent, and the network policy add-on is disabled by default"}, so networkPolicy.enabled alone does not deploy Calico and NetworkPolicy objects are not enforced`,
            "set addonsConfig: { networkPolicyConfig: { disabled: false } }, or use datapathProvider: \"ADVANCED_DATAPATH\"",
        );
    },
});
