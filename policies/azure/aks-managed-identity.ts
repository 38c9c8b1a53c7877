import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asDict, asString, azure, resourcePolicy, show } from "../core";

const managedTypes = ["systemassigned", "userassigned"];

export const aksManagedIdentity = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-managed-identity",
    description: "The AKS cluster authenticates to Azure with a managed identity, not a service principal whose secret must be stored and rotated.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["azure", "identity"],
    remediationSteps:
        'Set `identity: { type: "SystemAssigned" }` (or `"UserAssigned"` with `userAssignedIdentities`) on the azure-native ' +
        "containerservice.ManagedCluster and remove `servicePrincipalProfile`.",
    url: "https://learn.microsoft.com/azure/aks/use-managed-identity",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const identity = asDict(cluster.identity);
        const type = identity?.type;
        if (!identity) {
            ctx.violation("identity", "is absent, and AKS then authenticates with the service principal of servicePrincipalProfile", 'set identity: { type: "SystemAssigned" }');
        } else if (!managedTypes.includes(asString(type)?.toLowerCase() ?? "")) {
            ctx.violation(
                "identity.type",
                type === undefined ? "is absent, so the cluster has no managed identity" : `is ${show(type)}, which is not a managed identity`,
                'set identity.type: "SystemAssigned" or "UserAssigned"',
            );
        }
        const principal = asDict(cluster.servicePrincipalProfile);
        // clientId "msi" is the placeholder AKS reports for clusters that use a managed identity.
        const clientId = asString(principal?.clientId);
        if (principal && clientId?.toLowerCase() !== "msi") {
            ctx.violation("servicePrincipalProfile", `is set (clientId ${show(principal.clientId)}): the cluster uses a service principal`, "remove servicePrincipalProfile and use identity");
        }
    },
});
