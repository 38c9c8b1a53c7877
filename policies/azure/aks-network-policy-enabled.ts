import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, cisAks, nsaHardening, resourcePolicy, typescriptFix } from "../core";
import { handled, notOneOf, valueAt } from "./fields";
import { automaticNote } from "./automatic";

const engines = ["azure", "calico", "cilium"];
const fix = 'set networkProfile.networkPolicy: "cilium", "azure" or "calico"';

export const aksNetworkPolicyEnabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-network-policy-enabled",
    displayName: "AKS network policy engine on",
    description: "The AKS cluster runs a network policy engine (azure, calico or cilium), so Kubernetes NetworkPolicies are enforced.",
    severity: "high",
    enforcementLevel: "advisory",
    tags: ["azure", "network"],
    framework: cisAks("5.4.4", "Ensure Network Policy is Enabled and set as appropriate"),
    alsoCites: [
        nsaHardening("Network separation and hardening", "Network policies"),
    ],
    why: "Without an engine, NetworkPolicy objects are accepted but ignored, so every pod can reach every other pod.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            networkProfile: { networkPlugin: "azure", networkPolicy: "cilium", networkDataplane: "cilium" },
        });
    `),
    remediationSteps:
        'Set `networkProfile: { networkPlugin: "azure", networkPolicy: "cilium", networkDataplane: "cilium" }` (or networkPolicy ' +
        '"azure" / "calico") on the azure-native containerservice.ManagedCluster.' + automaticNote,
    url: "https://learn.microsoft.com/azure/aks/use-network-policies",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const policy = valueAt(ctx, cluster, "networkProfile.networkPolicy", { fix });
        if (policy === handled) return;
        const problem = notOneOf(policy, engines, {
            absent: "is absent, and AKS then enforces no NetworkPolicy",
            other: (shown) => `is ${shown}, which enforces no NetworkPolicy`,
            expected: '"azure", "calico" or "cilium"',
        });
        if (problem) ctx.violation("networkProfile.networkPolicy", problem, fix);
    },
});
