import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asDict, asString, azure, cisAks, resourcePolicy, show } from "../core";

const engines = ["azure", "calico", "cilium"];

export const aksNetworkPolicyEnabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-network-policy-enabled",
    description: "The AKS cluster runs a network policy engine (azure, calico or cilium), so Kubernetes NetworkPolicies are enforced.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "network"],
    framework: cisAks("5.4.4", "Ensure Network Policy is Enabled and set as appropriate"),
    remediationSteps:
        'Set `networkProfile: { networkPlugin: "azure", networkPolicy: "cilium", networkDataplane: "cilium" }` (or networkPolicy ' +
        '"azure" / "calico") on the azure-native containerservice.ManagedCluster.',
    url: "https://learn.microsoft.com/azure/aks/use-network-policies",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const policy = asDict(cluster.networkProfile)?.networkPolicy;
        if (engines.includes(asString(policy)?.toLowerCase() ?? "")) return;
        ctx.violation(
            "networkProfile.networkPolicy",
            policy === undefined ? "is absent, and AKS then enforces no NetworkPolicy" : `is ${show(policy)}, which enforces no NetworkPolicy`,
            'set networkProfile.networkPolicy: "cilium", "azure" or "calico"',
        );
    },
});
