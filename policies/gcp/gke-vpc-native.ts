import { cisGke, gcp, resourcePolicy } from "../core";
import { type ClusterProps, isAutopilot } from "./gke-nodes";
import { readString, wrong } from "./gke-values";

export const gkeVpcNative = resourcePolicy<ClusterProps>({
    name: "gke-vpc-native",
    description: "The cluster is VPC-native (alias IPs), so pod traffic is subject to VPC firewall rules and anti-spoofing.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["gcp", "network"],
    framework: cisGke("5.6.2", "Ensure use of VPC-native clusters"),
    remediationSteps:
        "On the gcp.container.Cluster set `networkingMode: \"VPC_NATIVE\"` (the default for new clusters) with an " +
        "`ipAllocationPolicy` naming the pod and service secondary ranges; do not use `networkingMode: \"ROUTES\"`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/concepts/alias-ips",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        if (isAutopilot(cluster)) ctx.notApplicable("Autopilot cluster: always VPC-native");
        // The provider documents VPC_NATIVE as the default for new clusters (ipAllocationPolicy then set by GKE).
        const fix = "set networkingMode: \"VPC_NATIVE\" with an ipAllocationPolicy";
        const mode = readString(ctx, cluster, "networkingMode", fix);
        if (mode !== wrong && mode?.trim().toUpperCase() === "ROUTES") {
            ctx.violation("networkingMode", "is \"ROUTES\", a routes-based cluster without alias IPs", fix);
        }
    },
});
