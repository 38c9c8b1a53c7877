import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, nsaHardening, resourcePolicy, typescriptFix } from "../core";
import { requireTrue } from "./fields";

export const aksRunCommandDisabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-run-command-disabled",
    displayName: "AKS run command disabled",
    description: "AKS run command (az aks command invoke), which runs kubectl in the cluster through the Azure API, is disabled.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["azure", "control-plane"],
    framework: nsaHardening("Network separation and hardening", "Control plane hardening"),
    why: "Run command lets anyone with the Azure role run kubectl inside the cluster through the Azure API, bypassing a private endpoint and network controls.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            apiServerAccessProfile: { enablePrivateCluster: true, disableRunCommand: true },
        });
    `),
    remediationSteps: "Set `apiServerAccessProfile: { disableRunCommand: true }` on the azure-native containerservice.ManagedCluster.",
    url: "https://learn.microsoft.com/azure/aks/access-private-cluster#disable-run-command",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        requireTrue(ctx, cluster, "apiServerAccessProfile.disableRunCommand", "is absent, and AKS then allows run command");
    },
});
