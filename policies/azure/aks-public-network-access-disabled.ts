import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, azure, cisAks, resourcePolicy, show, typescriptFix, wrongType } from "../core";
import { handled, read, valueAt } from "./fields";

const fix = 'set publicNetworkAccess: "Disabled"';

export const aksPublicNetworkAccessDisabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-public-network-access-disabled",
    displayName: "Private AKS cluster allows no public network access",
    description: "A private AKS cluster does not also allow public network access.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "control-plane"],
    framework: cisAks("5.4.2", "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled"),
    why: "publicNetworkAccess Enabled on a private cluster reopens a public path to the API server that the private setting was meant to close.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            apiServerAccessProfile: { enablePrivateCluster: true },
            publicNetworkAccess: "Disabled",
        });
    `),
    remediationSteps:
        'On a private azure-native containerservice.ManagedCluster (`apiServerAccessProfile.enablePrivateCluster: true`) set `publicNetworkAccess: "Disabled"`, or leave it unset; never "Enabled".',
    url: "https://learn.microsoft.com/azure/aks/private-clusters",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        // Public clusters, and access profiles of the wrong type, are judged by aks-private-cluster and aks-api-server-access-restricted.
        const isPrivate = read(cluster, "apiServerAccessProfile.enablePrivateCluster");
        if (isPrivate.kind === "unknown") return ctx.defer(isPrivate.path);
        if (isPrivate.kind !== "value" || asBool(isPrivate.value) !== true) return;
        const access = valueAt(ctx, cluster, "publicNetworkAccess", { fix });
        if (access === handled || access === undefined) return;
        if (typeof access !== "string") ctx.violation("publicNetworkAccess", wrongType('"Disabled"', access), fix);
        else if (access.toLowerCase() === "enabled") ctx.violation("publicNetworkAccess", `is ${show(access)} on a private cluster`, fix);
    },
});
