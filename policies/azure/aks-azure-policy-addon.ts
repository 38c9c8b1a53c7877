import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, resourcePolicy } from "../core";
import { addonPath, findAddons } from "./addons";

export const aksAzurePolicyAddon = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-azure-policy-addon",
    description: "The Azure Policy add-on (Gatekeeper) is enabled, so Azure Policy can audit and enforce in-cluster rules.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["azure", "workload"],
    remediationSteps: "Set `addonProfiles: { azurepolicy: { enabled: true } }` on the azure-native containerservice.ManagedCluster.",
    url: "https://learn.microsoft.com/azure/governance/policy/concepts/policy-for-kubernetes",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const addons = findAddons(cluster, "azurepolicy");
        if (addons.some((a) => a.enabled === true)) return;
        const key = addons[0]?.key ?? "azurepolicy";
        ctx.violation(
            addonPath(key, "enabled"),
            addons.length === 0 ? "is absent, and AKS then does not install the Azure Policy add-on" : "is not true",
            `set ${addonPath(key, "enabled")}: true`,
        );
    },
});
