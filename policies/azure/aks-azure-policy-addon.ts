import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, nsaHardening, resourcePolicy, typescriptFix } from "../core";
import { findAddons, requireAddonOn } from "./addons";
import { absentValue, automaticNote, automaticWhy } from "./automatic";

export const aksAzurePolicyAddon = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-azure-policy-addon",
    displayName: "AKS Azure Policy add-on on",
    description: "The Azure Policy add-on (Gatekeeper) is enabled, so Azure Policy can audit and enforce in-cluster rules.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["azure", "workload"],
    framework: nsaHardening("Kubernetes Pod security", "Pod security enforcement"),
    why: "Without an admission policy engine, nothing in the cluster rejects privileged or otherwise unsafe workloads at deploy time.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            addonProfiles: { azurepolicy: { enabled: true } },
        });
    `),
    remediationSteps: "Set `addonProfiles: { azurepolicy: { enabled: true } }` on the azure-native containerservice.ManagedCluster." + automaticNote,
    url: "https://learn.microsoft.com/azure/governance/policy/concepts/policy-for-kubernetes",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const found = findAddons(ctx, cluster, "azurepolicy");
        if (found.addons.length === 0 && !found.reported) {
            // Every AKS Automatic cluster runs it (./automatic).
            const absent = absentValue(cluster, "addonProfiles.azurepolicy.enabled");
            if (absent === "unknown") return ctx.defer("sku.name", automaticWhy("addonProfiles.azurepolicy"));
            if (absent?.value === true) return;
        }
        requireAddonOn(ctx, found, "azurepolicy", "is absent, and AKS then does not install the Azure Policy add-on");
    },
});
