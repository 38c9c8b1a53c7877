import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, nsaHardening, resourcePolicy, typescriptFix } from "../core";
import { handled, notOneOf, valueAt } from "./fields";
import { automaticNote } from "./automatic";

const channels = ["patch", "stable", "rapid", "node-image"];

export const aksAutoUpgradeChannel = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-auto-upgrade-channel",
    displayName: "AKS cluster auto-upgrade on",
    description: "AKS cluster auto-upgrade is on: autoUpgradeProfile.upgradeChannel is patch, stable, rapid or node-image.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["azure", "upgrades"],
    framework: nsaHardening("Upgrading and application security practices", "Immediately apply security patches and updates"),
    why: "Without an upgrade channel, patch releases with security fixes are applied only when someone remembers to.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            autoUpgradeProfile: { upgradeChannel: "patch" },
        });
    `),
    remediationSteps:
        'Set `autoUpgradeProfile: { upgradeChannel: "patch" }` (or "stable", "rapid", "node-image") on the azure-native ' +
        "containerservice.ManagedCluster, with a maintenance configuration to control when upgrades run." + automaticNote,
    url: "https://learn.microsoft.com/azure/aks/auto-upgrade-cluster",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const fix = 'set autoUpgradeProfile.upgradeChannel: "patch" or "stable"';
        const channel = valueAt(ctx, cluster, "autoUpgradeProfile.upgradeChannel", { fix });
        if (channel === handled) return;
        const problem = notOneOf(channel, channels, {
            absent: 'is absent, and AKS then defaults to "none" (no automatic upgrades)',
            other: (shown) => `is ${shown}, which does not upgrade the cluster`,
            expected: '"patch", "stable", "rapid" or "node-image"',
        });
        if (problem) ctx.violation("autoUpgradeProfile.upgradeChannel", problem, fix);
    },
});
