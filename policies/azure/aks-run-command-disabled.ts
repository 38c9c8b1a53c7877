import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, asDict, azure, resourcePolicy } from "../core";

export const aksRunCommandDisabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-run-command-disabled",
    description: "AKS run command (az aks command invoke), which runs kubectl in the cluster through the Azure API, is disabled.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["azure", "control-plane"],
    remediationSteps: "Set `apiServerAccessProfile: { disableRunCommand: true }` on the azure-native containerservice.ManagedCluster.",
    url: "https://learn.microsoft.com/azure/aks/access-private-cluster#disable-run-command",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const disabled = asBool(asDict(cluster.apiServerAccessProfile)?.disableRunCommand);
        if (disabled === true) return;
        ctx.violation(
            "apiServerAccessProfile.disableRunCommand",
            disabled === false ? "is false" : "is absent, and AKS then allows run command",
            "set apiServerAccessProfile.disableRunCommand: true",
        );
    },
});
