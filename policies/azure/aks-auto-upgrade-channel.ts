import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asDict, asString, azure, resourcePolicy, show } from "../core";

const channels = ["patch", "stable", "rapid", "node-image"];

export const aksAutoUpgradeChannel = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-auto-upgrade-channel",
    description: "AKS cluster auto-upgrade is on: autoUpgradeProfile.upgradeChannel is patch, stable, rapid or node-image.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["azure", "upgrades"],
    remediationSteps:
        'Set `autoUpgradeProfile: { upgradeChannel: "patch" }` (or "stable", "rapid", "node-image") on the azure-native ' +
        "containerservice.ManagedCluster, with a maintenance configuration to control when upgrades run.",
    url: "https://learn.microsoft.com/azure/aks/auto-upgrade-cluster",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const channel = asDict(cluster.autoUpgradeProfile)?.upgradeChannel;
        if (channels.includes(asString(channel)?.toLowerCase() ?? "")) return;
        ctx.violation(
            "autoUpgradeProfile.upgradeChannel",
            channel === undefined ? 'is absent, and AKS then defaults to "none" (no automatic upgrades)' : `is ${show(channel)}, which does not upgrade the cluster`,
            'set autoUpgradeProfile.upgradeChannel: "patch" or "stable"',
        );
    },
});
