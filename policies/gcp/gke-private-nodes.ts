import type { PolicyResource } from "@pulumi/policy";
import { cisGke, gcp, isDict, nsaHardening, resourcePolicy, type StackCheckContext, typescriptFix, wrongType } from "../core";
import { type ClusterProps, computedInProgram, gkeClusterOrPool, type GkeProps, inlinePoolLabel, type NodePoolProps, outputAt, poolsWithClusters, reporterFor, unsetInProgram } from "./gke-nodes";
import { readArray, readBool, wrong } from "./gke-values";

const clusterFix = "set privateClusterConfig: { enablePrivateNodes: true }";
const overrideFix = "remove the override or set it to true";

export const gkePrivateNodes = resourcePolicy<GkeProps>({
    name: "gke-private-nodes",
    displayName: "GKE nodes are private",
    description: "GKE nodes have only internal IP addresses, so they cannot be reached from the internet.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "nodes"],
    framework: cisGke("5.6.5", "Ensure clusters are created with Private Nodes"),
    alsoCites: [
        nsaHardening("Network separation and hardening", "Worker node segmentation"),
    ],
    why: "Nodes with external IPs expose the kubelet, SSH and NodePorts to the internet.",
    fixExample: typescriptFix(`
        const cluster = new gcp.container.Cluster("prod", {
            location: "europe-west1",
            privateClusterConfig: { enablePrivateNodes: true, masterIpv4CidrBlock: "172.16.0.0/28" },
        });
    `),
    remediationSteps:
        "On the gcp.container.Cluster (Standard or Autopilot) set `privateClusterConfig: { enablePrivateNodes: true }` " +
        "(with Cloud NAT for egress): it is the default for every node pool, including auto-provisioned ones. Do not " +
        "override it with `networkConfig.enablePrivateNodes: false` on a gcp.container.NodePool or an inline node pool.",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/legacy/network-isolation",
    appliesTo: gkeClusterOrPool,
    validate: (props, ctx) => {
        if (gcp.nodePool.has(ctx.type)) {
            // A pool's own override is decided here; without one it inherits its cluster's setting (stack part).
            if (readBool(ctx, props as NodePoolProps, "networkConfig.enablePrivateNodes", overrideFix) === false) {
                ctx.violation("networkConfig.enablePrivateNodes", "is false", overrideFix);
            }
            return;
        }
        const cluster = props as ClusterProps;
        ctx.judge(() => {
            const privateNodes = readBool(ctx, cluster, "privateClusterConfig.enablePrivateNodes", clusterFix);
            if (privateNodes === true || privateNodes === wrong) return;
            ctx.violation(
                "privateClusterConfig.enablePrivateNodes",
                privateNodes === false ? "is false" : "is absent, and GKE then gives nodes public IP addresses in every node pool that does not opt out",
                clusterFix,
            );
        });
        const pools = readArray(ctx, cluster, "nodePools", "set nodePools to a list of node pools");
        if (pools === wrong) return;
        (pools ?? []).forEach((pool, i) => {
            ctx.judge(() => {
                if (!isDict(pool)) return ctx.violation(`nodePools[${i}]`, wrongType("an object", pool), "give each node pool as an object");
                if (readBool(ctx, pool, "networkConfig.enablePrivateNodes", overrideFix, `nodePools[${i}]`) === false) {
                    ctx.violation(`nodePools[${i}].networkConfig.enablePrivateNodes`, `is false on ${inlinePoolLabel(pool, i)}`, overrideFix);
                }
            });
        });
    },
    validateStack: (ctx) => {
        for (const { pool, cluster } of poolsWithClusters(ctx)) {
            if (cluster) ctx.judge(pool, () => judgeInherited(ctx, pool, cluster));
        }
    },
});

/** A NodePool without its own enablePrivateNodes inherits its cluster's privateClusterConfig.enablePrivateNodes. */
function judgeInherited(ctx: StackCheckContext<unknown>, pool: PolicyResource, cluster: PolicyResource): void {
    const own = outputAt(pool.props, ["networkConfig", "enablePrivateNodes"]);
    // Unknown in a preview, or absent: unset, so the cluster decides. At up and on state GKE reports the value it
    // derived; a known true is private, and a known false on a private cluster is the pool's own override, judged on it.
    if (own === true) return;
    if (computedInProgram(pool, ["networkConfig", "enablePrivateNodes"])) return ctx.defer(pool, "networkConfig.enablePrivateNodes");
    ctx.judge(cluster, () => {
        // Unset in the program: GKE then gives nodes public IP addresses.
        const inherited = unsetInProgram(cluster, "privateClusterConfig")
            ? undefined
            : readBool(reporterFor(ctx, cluster), cluster.props, "privateClusterConfig.enablePrivateNodes", clusterFix);
        if (inherited === true || inherited === wrong) return;
        ctx.violation(
            pool,
            "networkConfig.enablePrivateNodes",
            `is ${own === false ? "false" : "not set"} and ${ctx.label(cluster)} has public nodes (privateClusterConfig.enablePrivateNodes is ${inherited === false ? "false" : "absent"}), so the pool's nodes get public IP addresses`,
            `set privateClusterConfig: { enablePrivateNodes: true } on ${ctx.label(cluster)}, or networkConfig: { enablePrivateNodes: true } on the pool`,
        );
    });
}
