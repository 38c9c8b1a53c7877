import { cisGke, gcp, resourcePolicy } from "../core";
import type { ClusterProps } from "./gke-nodes";
import { readBool, wrong } from "./gke-values";

export const gkePrivateEndpoint = resourcePolicy<ClusterProps>({
    name: "gke-private-endpoint",
    description:
        "The GKE control plane has no public endpoint: the IP endpoint is private, or it is disabled in favour of " +
        "the DNS endpoint without external traffic.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["gcp", "control-plane"],
    framework: cisGke("5.6.4", "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled"),
    remediationSteps:
        "On the gcp.container.Cluster set `privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: true }`, " +
        "or use the DNS endpoint: `controlPlaneEndpointsConfig: { ipEndpointsConfig: { enabled: false }, " +
        "dnsEndpointConfig: { allowExternalTraffic: false } }`.",
    url: "https://cloud.google.com/kubernetes-engine/docs/concepts/network-isolation",
    appliesTo: gcp.cluster,
    validate: (cluster, ctx) => {
        const endpointFix =
            "set privateClusterConfig.enablePrivateEndpoint: true, or disable the IP endpoint with " +
            "controlPlaneEndpointsConfig.ipEndpointsConfig.enabled: false and use the DNS endpoint";
        ctx.judge(() => {
            const ipEnabled = readBool(ctx, cluster, "controlPlaneEndpointsConfig.ipEndpointsConfig.enabled", endpointFix);
            if (ipEnabled === false || ipEnabled === wrong) return;
            const privateEndpoint = readBool(ctx, cluster, "privateClusterConfig.enablePrivateEndpoint", endpointFix);
            if (privateEndpoint === true || privateEndpoint === wrong) return;
            ctx.violation(
                "privateClusterConfig.enablePrivateEndpoint",
                privateEndpoint === false
                    ? "is false, so the control plane's IP endpoint is public"
                    : "is absent and controlPlaneEndpointsConfig.ipEndpointsConfig.enabled is not false, and GKE then " +
                      "serves the control plane on a public IP endpoint",
                endpointFix,
            );
        });
        ctx.judge(() => {
            const dnsFix = "set controlPlaneEndpointsConfig.dnsEndpointConfig.allowExternalTraffic: false";
            if (readBool(ctx, cluster, "controlPlaneEndpointsConfig.dnsEndpointConfig.allowExternalTraffic", dnsFix) === true) {
                ctx.violation(
                    "controlPlaneEndpointsConfig.dnsEndpointConfig.allowExternalTraffic",
                    "is true, so the DNS endpoint accepts traffic from the internet",
                    dnsFix,
                );
            }
        });
    },
});
