import { asBool, asDict, asString, gcp, resourcePolicy } from "../core";
import { type ClusterProps, isAutopilot } from "./gke-nodes";

export const gkeNetworkPolicy = resourcePolicy<ClusterProps>({
    name: "gke-network-policy",
    description:
        "Kubernetes NetworkPolicy is enforced: by the network policy add-on, or by Dataplane V2 (ADVANCED_DATAPATH), " +
        "which enforces it natively.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "network"],
    remediationSteps:
        "On the gcp.container.Cluster set `datapathProvider: \"ADVANCED_DATAPATH\"` (Dataplane V2, recommended), or " +
        "`networkPolicy: { enabled: true, provider: \"CALICO\" }` with `addonsConfig.networkPolicyConfig.disabled: false`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        if (isAutopilot(cluster)) ctx.notApplicable("Autopilot cluster: Dataplane V2 always enforces NetworkPolicy");
        if (asString(cluster.datapathProvider)?.toUpperCase() === "ADVANCED_DATAPATH") return;
        const enabled = asBool(asDict(cluster.networkPolicy)?.enabled);
        if (enabled === true) return;
        ctx.violation(
            "networkPolicy.enabled",
            `is ${enabled === false ? "false" : "absent"} and datapathProvider is not "ADVANCED_DATAPATH", so GKE does not enforce NetworkPolicy objects`,
            "set datapathProvider: \"ADVANCED_DATAPATH\", or networkPolicy: { enabled: true }",
        );
    },
});
