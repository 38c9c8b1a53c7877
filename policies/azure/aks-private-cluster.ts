import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, azure, cisAks, nsaHardening, resourcePolicy, typescriptFix, wrongType } from "../core";
import { handled, read, valueAt } from "./fields";

interface PrivateClusterConfig {
    allowAuthorizedIPRanges: boolean;
}

export const aksPrivateCluster = resourcePolicy<Unwrap<ManagedClusterArgs>, PrivateClusterConfig>({
    name: "aks-private-cluster",
    displayName: "AKS API server is private",
    description:
        "The AKS API server has no public endpoint (a private cluster). With the allowAuthorizedIPRanges setting, a public endpoint " +
        "that admits only authorized IP ranges is accepted too; aks-api-server-access-restricted judges the ranges.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "control-plane"],
    framework: cisAks("5.4.2", "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled"),
    alsoCites: [
        nsaHardening("Network separation and hardening", "Control plane hardening"),
    ],
    why: "A public API server exposes authentication and every API vulnerability to the internet.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            apiServerAccessProfile: { enablePrivateCluster: true },
        });
    `),
    remediationSteps:
        "Set `apiServerAccessProfile: { enablePrivateCluster: true }` on the azure-native containerservice.ManagedCluster and reach the " +
        "API server from inside the virtual network (VPN, bastion, or a CI runner in the network). An existing cluster becomes private in " +
        "place only with API Server VNet Integration; otherwise it is created anew. Teams that keep a public endpoint behind authorized " +
        "IP ranges set `allowAuthorizedIPRanges: true` in this policy's config.",
    url: "https://learn.microsoft.com/azure/aks/private-clusters",
    appliesTo: azure.managedCluster,
    configSchema: {
        properties: {
            allowAuthorizedIPRanges: {
                type: "boolean",
                default: false,
                description: "Accept a public API server endpoint that lists apiServerAccessProfile.authorizedIPRanges (judged by aks-api-server-access-restricted).",
            },
        },
    },
    parseConfig: (raw) => ({ allowAuthorizedIPRanges: raw.allowAuthorizedIPRanges === true }),
    validate: (cluster, ctx) => {
        const allowRanges = ctx.config.allowAuthorizedIPRanges;
        const fix = `set apiServerAccessProfile.enablePrivateCluster: true${allowRanges ? ", or list authorized networks in apiServerAccessProfile.authorizedIPRanges" : ""}`;
        const isPrivate = valueAt(ctx, cluster, "apiServerAccessProfile.enablePrivateCluster", { fix });
        if (isPrivate === handled || asBool(isPrivate) === true) return;
        if (isPrivate !== undefined && asBool(isPrivate) === undefined) {
            ctx.violation("apiServerAccessProfile.enablePrivateCluster", wrongType("a boolean", isPrivate), fix);
            return;
        }
        if (allowRanges) {
            const ranges = read(cluster, "apiServerAccessProfile.authorizedIPRanges");
            if (ranges.kind === "unknown") return ctx.defer(`apiServerAccessProfile.authorizedIPRanges`);
            if (ranges.kind === "value" && Array.isArray(ranges.value) && ranges.value.length > 0) return;
        }
        const state = isPrivate === undefined ? "is absent, and AKS then gives the API server a public endpoint" : "is false, so the API server has a public endpoint";
        ctx.violation("apiServerAccessProfile.enablePrivateCluster", allowRanges ? `${state} without authorized IP ranges` : state, fix);
    },
});
