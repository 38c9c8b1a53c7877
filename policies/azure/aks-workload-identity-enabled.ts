import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, asDict, azure, resourcePolicy } from "../core";

export const aksWorkloadIdentityEnabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-workload-identity-enabled",
    description: "Microsoft Entra Workload ID is enabled (with the OIDC issuer it needs), so pods get Azure credentials without secrets or node identities.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["azure", "identity"],
    remediationSteps:
        "Set `oidcIssuerProfile: { enabled: true }` and `securityProfile: { workloadIdentity: { enabled: true } }` on the " +
        "azure-native containerservice.ManagedCluster, then federate each workload's service account with a user-assigned identity.",
    url: "https://learn.microsoft.com/azure/aks/workload-identity-overview",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const workloadIdentity = asBool(asDict(asDict(cluster.securityProfile)?.workloadIdentity)?.enabled);
        if (workloadIdentity !== true) {
            ctx.violation(
                "securityProfile.workloadIdentity.enabled",
                workloadIdentity === false ? "is false" : "is absent, and AKS then leaves workload identity off",
                "set securityProfile.workloadIdentity.enabled: true",
            );
        }
        const oidc = asBool(asDict(cluster.oidcIssuerProfile)?.enabled);
        if (oidc !== true) {
            ctx.violation(
                "oidcIssuerProfile.enabled",
                oidc === false ? "is false, and workload identity needs the OIDC issuer" : "is absent, and AKS then has no OIDC issuer, which workload identity needs",
                "set oidcIssuerProfile.enabled: true",
            );
        }
    },
});
