import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, cisAks, resourcePolicy, typescriptFix } from "../core";
import { requireTrue } from "./fields";
import { automaticNote } from "./automatic";

export const aksWorkloadIdentityEnabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-workload-identity-enabled",
    displayName: "AKS workload identity enabled",
    description: "Microsoft Entra Workload ID is enabled (with the OIDC issuer it needs), so pods get Azure credentials without secrets or node identities.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["azure", "identity"],
    framework: cisAks("5.2.1"),
    why: "Without workload identity, pods get Azure access through stored secrets or the node's identity, which every pod on the node shares.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            oidcIssuerProfile: { enabled: true },
            securityProfile: { workloadIdentity: { enabled: true } },
        });
    `),
    remediationSteps:
        "Set `oidcIssuerProfile: { enabled: true }` and `securityProfile: { workloadIdentity: { enabled: true } }` on the " +
        "azure-native containerservice.ManagedCluster, then federate each workload's service account with a user-assigned identity." + automaticNote,
    url: "https://learn.microsoft.com/azure/aks/workload-identity-overview",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        requireTrue(ctx, cluster, "securityProfile.workloadIdentity.enabled", "is absent, and AKS then leaves workload identity off");
        requireTrue(ctx, cluster, "oidcIssuerProfile.enabled", "is absent, and AKS then has no OIDC issuer, which workload identity needs", {
            whenFalse: "is false, and workload identity needs the OIDC issuer",
        });
    },
});
