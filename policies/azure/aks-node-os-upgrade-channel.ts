import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, nsaHardening, resourcePolicy, typescriptFix } from "../core";
import { handled, notOneOf, valueAt } from "./fields";

const channels = ["nodeimage", "securitypatch"];

export const aksNodeOsUpgradeChannel = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-node-os-upgrade-channel",
    displayName: "AKS node OS updates automatic",
    description: "AKS node OS security updates are applied automatically: autoUpgradeProfile.nodeOSUpgradeChannel is NodeImage or SecurityPatch.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["azure", "upgrades"],
    framework: nsaHardening("Upgrading and application security practices", "Immediately apply security patches and updates"),
    why: "Nodes without an OS upgrade channel keep known kernel and OS vulnerabilities until someone reimages them.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            autoUpgradeProfile: { upgradeChannel: "patch", nodeOSUpgradeChannel: "NodeImage" },
        });
    `),
    remediationSteps:
        'Set `autoUpgradeProfile: { nodeOSUpgradeChannel: "NodeImage" }` (or "SecurityPatch") on the azure-native ' +
        "containerservice.ManagedCluster; never \"None\" or \"Unmanaged\".",
    url: "https://learn.microsoft.com/azure/aks/auto-upgrade-node-os-image",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const fix = 'set autoUpgradeProfile.nodeOSUpgradeChannel: "NodeImage" or "SecurityPatch"';
        const channel = valueAt(ctx, cluster, "autoUpgradeProfile.nodeOSUpgradeChannel", { fix });
        // Absent: the API documents NodeImage as the default.
        if (channel === handled || channel === undefined) return;
        const problem = notOneOf(channel, channels, {
            absent: "",
            other: (shown) => `is ${shown}, so node OS security patches are not applied by AKS`,
            expected: '"NodeImage" or "SecurityPatch"',
        });
        if (problem) ctx.violation("autoUpgradeProfile.nodeOSUpgradeChannel", problem, fix);
    },
});
