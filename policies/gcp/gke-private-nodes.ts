import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import type { NodePoolArgs } from "@pulumi/gcp/container/nodePool";
import type { Unwrap } from "@pulumi/pulumi";
import { anyOf, asArray, asBool, asDict, asString, cisGke, gcp, resourcePolicy } from "../core";

type GkeProps = Unwrap<ClusterArgs> | Unwrap<NodePoolArgs>;

export const gkePrivateNodes = resourcePolicy<GkeProps>({
    name: "gke-private-nodes",
    description: "GKE nodes have only internal IP addresses, so they cannot be reached from the internet.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "nodes"],
    framework: cisGke("5.6.5", "Ensure clusters are created with Private Nodes"),
    remediationSteps:
        "On the gcp.container.Cluster set `privateClusterConfig: { enablePrivateNodes: true }` (with Cloud NAT for " +
        "egress). Do not override it with `networkConfig.enablePrivateNodes: false` on a node pool.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/legacy/network-isolation",
    appliesTo: anyOf(gcp.cluster, gcp.nodePool),
    validate: (props, ctx) => {
        if (gcp.nodePool.has(ctx.type)) {
            // A node pool inherits the cluster's setting unless it overrides it.
            const pool = props as Unwrap<NodePoolArgs>;
            if (asBool(asDict(pool.networkConfig)?.enablePrivateNodes) === false) {
                ctx.violation("networkConfig.enablePrivateNodes", "is false", "remove the override or set it to true");
            }
            return;
        }
        const cluster = props as Unwrap<ClusterArgs>;
        const privateNodes = asBool(asDict(cluster.privateClusterConfig)?.enablePrivateNodes);
        if (privateNodes !== true) {
            ctx.violation(
                "privateClusterConfig.enablePrivateNodes",
                privateNodes === false ? "is false" : "is absent, and GKE then gives nodes public IP addresses",
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
