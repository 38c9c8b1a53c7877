import { asArray, asBool, asDict, asString, cisGke, gcp, resourcePolicy } from "../core";
import { type ClusterProps, type GkeProps, gkeClusterOrPool, type NodePoolProps } from "./gke-nodes";

export const gkePrivateNodes = resourcePolicy<GkeProps>({
    name: "gke-private-nodes",
    description: "GKE nodes have only internal IP addresses, so they cannot be reached from the internet.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "nodes"],
    framework: cisGke("5.6.5", "Ensure clusters are created with Private Nodes"),
    remediationSteps:
        "On the gcp.container.Cluster (Standard or Autopilot) set `privateClusterConfig: { enablePrivateNodes: true }` " +
        "(with Cloud NAT for egress): it is the default for every node pool, including auto-provisioned ones. Do not " +
        "override it with `networkConfig.enablePrivateNodes: false` on a gcp.container.NodePool or an inline node pool.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/legacy/network-isolation",
    appliesTo: gkeClusterOrPool,
    validate: (props, ctx) => {
        if (gcp.nodePool.has(ctx.type)) {
            // A node pool inherits the cluster's setting unless it overrides it (networkConfig, newer generation).
            const pool = props as NodePoolProps;
            if (asBool(asDict(pool.networkConfig)?.enablePrivateNodes) === false) {
                ctx.violation("networkConfig.enablePrivateNodes", "is false", "remove the override or set it to true");
            }
            return;
        }
        const cluster = props as ClusterProps;
        const privateNodes = asBool(asDict(cluster.privateClusterConfig)?.enablePrivateNodes);
        if (privateNodes !== true) {
            ctx.violation(
                "privateClusterConfig.enablePrivateNodes",
                privateNodes === false
                    ? "is false"
                    : "is absent, and GKE then gives nodes public IP addresses in every node pool that does not opt out",
                "set privateClusterConfig: { enablePrivateNodes: true }",
            );
        }
        asArray(cluster.nodePools).forEach((pool, i) => {
            if (asBool(asDict(asDict(pool)?.networkConfig)?.enablePrivateNodes) === false) {
                const name = asString(asDict(pool)?.name) ?? `#${i}`;
                ctx.violation(`nodePools[${i}].networkConfig.enablePrivateNodes`, `is false on node pool "${name}"`, "remove the override or set it to true");
            }
        });
    },
});
