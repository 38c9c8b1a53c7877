import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, nsaHardening, resourcePolicy, typescriptFix } from "../core";
import { findAddons, requireAddonOn } from "./addons";

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
    remediationSteps: "Set `addonProfiles: { azurepolicy: { enabled: true } }` on the azure-native containerservice.ManagedCluster.",
    url: "https://learn.microsoft.com/azure/governance/policy/concepts/policy-for-kubernetes",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        requireAddonOn(ctx, findAddons(ctx, cluster, "azurepolicy"), "azurepolicy", "is absent, and AKS then does not install the Azure Policy add-on");
    },
});
