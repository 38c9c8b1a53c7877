import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asDict, asString, azure, resourcePolicy, show } from "../core";

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
        const channel = asDict(cluster.autoUpgradeProfile)?.nodeOSUpgradeChannel;
        // Absent: the API documents NodeImage as the default.
        if (channel === undefined || channels.includes(asString(channel)?.toLowerCase() ?? "")) return;
        ctx.violation(
            "autoUpgradeProfile.nodeOSUpgradeChannel",
            `is ${show(channel)}, so node OS security patches are not applied by AKS`,
            'set autoUpgradeProfile.nodeOSUpgradeChannel: "NodeImage" or "SecurityPatch"',
        );
    },
});
