import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, azure, resourcePolicy, typescriptFix, wrongType } from "../core";
import { handled, valueAt } from "./fields";

const fix = "set podIdentityProfile.enabled: false and use workload identity";

export const aksPodIdentityDisabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-pod-identity-disabled",
    displayName: "AKS pod identity add-on disabled",
    description: "The deprecated AAD pod identity add-on (podIdentityProfile) is not enabled; workload identity replaces it.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["azure", "identity"],
    why: "The deprecated pod identity add-on intercepts metadata traffic with a privileged component and has known bypasses; workload identity replaces it.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            podIdentityProfile: { enabled: false },
            oidcIssuerProfile: { enabled: true },
            securityProfile: { workloadIdentity: { enabled: true } },
        });
    `),
    remediationSteps:
        "Remove `podIdentityProfile` (or set `podIdentityProfile: { enabled: false }`) on the azure-native containerservice.ManagedCluster " +
        "and move workloads to workload identity: `securityProfile: { workloadIdentity: { enabled: true } }`, `oidcIssuerProfile: { enabled: true }`.",
    url: "https://learn.microsoft.com/azure/aks/workload-identity-migrate-from-pod-identity",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const enabled = valueAt(ctx, cluster, "podIdentityProfile.enabled", { fix });
        if (enabled === handled || enabled === undefined || asBool(enabled) === false) return;
        const problem =
            asBool(enabled) === true
                ? "is true: AAD pod identity is deprecated, and its NMI pods intercept IMDS traffic with node-level privileges"
                : wrongType("a boolean", enabled);
        ctx.violation("podIdentityProfile.enabled", problem, fix);
    },
});
