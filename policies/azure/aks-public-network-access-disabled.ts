import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, asDict, asString, azure, cisAks, resourcePolicy, show } from "../core";

export const aksPublicNetworkAccessDisabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-public-network-access-disabled",
    description: "A private AKS cluster does not also allow public network access.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "control-plane"],
    framework: cisAks("5.4.2", "Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled"),
    remediationSteps:
        'On a private azure-native containerservice.ManagedCluster (`apiServerAccessProfile.enablePrivateCluster: true`) set `publicNetworkAccess: "Disabled"`, or leave it unset; never "Enabled".',
    url: "https://learn.microsoft.com/azure/aks/private-clusters",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        if (asBool(asDict(cluster.apiServerAccessProfile)?.enablePrivateCluster) !== true) return;
        const access = cluster.publicNetworkAccess;
        if (asString(access)?.toLowerCase() === "enabled") {
            ctx.violation("publicNetworkAccess", `is ${show(access)} on a private cluster`, 'set publicNetworkAccess: "Disabled"');
        }
    },
});
