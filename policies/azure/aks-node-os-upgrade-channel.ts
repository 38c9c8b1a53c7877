import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, resourcePolicy } from "../core";
import { handled, notOneOf, valueAt } from "./fields";

const channels = ["nodeimage", "securitypatch"];

export const aksNodeOsUpgradeChannel = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-node-os-upgrade-channel",
    description: "AKS node OS security updates are applied automatically: autoUpgradeProfile.nodeOSUpgradeChannel is NodeImage or SecurityPatch.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["azure", "upgrades"],
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
