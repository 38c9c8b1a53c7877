import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, asDict, asString, azure, resourcePolicy, show } from "../core";

const networkPolicyEngines = ["azure", "calico", "cilium"];

export const aksPodImdsAccessBlocked = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-pod-imds-access-blocked",
    description:
        "Pods cannot reach the Azure Instance Metadata Service (169.254.169.254) and the node identity's tokens: " +
        "networkProfile.podLinkLocalAccess is None where the API version has it, otherwise workload identity and a network policy engine are in place.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "identity"],
    remediationSteps:
        'With an API version that has it (e.g. a preview azure-native containerservice version), set `networkProfile: { podLinkLocalAccess: "None" }` ' +
        "on the ManagedCluster. Otherwise enable workload identity (`securityProfile.workloadIdentity.enabled: true`, " +
        '`oidcIssuerProfile.enabled: true`) and a network policy engine (`networkProfile.networkPolicy: "azure" | "calico" | "cilium"`), ' +
        "and apply a NetworkPolicy in every namespace whose egress excludes 169.254.169.254/32.",
    url: "https://learn.microsoft.com/azure/aks/imds-restriction",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const network = asDict(cluster.networkProfile);
        // podLinkLocalAccess exists only in some (preview) API versions, so the stable SDK types do not list it.
        const access = network?.["podLinkLocalAccess"];
        if (access !== undefined) {
            if (asString(access)?.toLowerCase() !== "none") {
                ctx.violation("networkProfile.podLinkLocalAccess", `is ${show(access)}, so pods can reach IMDS`, 'set networkProfile.podLinkLocalAccess: "None"');
            }
            return;
        }
        const workloadIdentity =
            asBool(asDict(asDict(cluster.securityProfile)?.workloadIdentity)?.enabled) === true && asBool(asDict(cluster.oidcIssuerProfile)?.enabled) === true;
        const engine = networkPolicyEngines.includes(asString(network?.networkPolicy)?.toLowerCase() ?? "");
        if (workloadIdentity && engine) return;
        const missing = [
            ...(workloadIdentity ? [] : ["workload identity (securityProfile.workloadIdentity.enabled and oidcIssuerProfile.enabled)"]),
            ...(engine ? [] : ["a network policy engine (networkProfile.networkPolicy)"]),
        ];
        ctx.violation(
            "networkProfile.podLinkLocalAccess",
            `is absent, and AKS then lets pods reach IMDS at 169.254.169.254; the alternative restriction lacks ${missing.join(" and ")}`,
            'set networkProfile.podLinkLocalAccess: "None" where your API version has it; otherwise enable workload identity and a network policy engine, ' +
                "and apply NetworkPolicies that block egress to 169.254.169.254/32",
        );
    },
});
