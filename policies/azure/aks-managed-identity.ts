import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asString, azure, cisAks, isDict, resourcePolicy, show, typescriptFix, wrongType } from "../core";
import { handled, notOneOf, read, valueAt } from "./fields";

const managedTypes = ["systemassigned", "userassigned"];
const identityFix = 'set identity: { type: "SystemAssigned" }';

export const aksManagedIdentity = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-managed-identity",
    displayName: "AKS uses a managed identity",
    description: "The AKS cluster authenticates to Azure with a managed identity, not a service principal whose secret must be stored and rotated.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["azure", "identity"],
    framework: cisAks("5.2.1"),
    why: "A service principal's client secret is a long-lived credential that must be stored, rotated, and can leak; a managed identity has none.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            identity: { type: "SystemAssigned" },
        });
    `),
    remediationSteps:
        'Set `identity: { type: "SystemAssigned" }` (or `"UserAssigned"` with `userAssignedIdentities`) on the azure-native ' +
        "containerservice.ManagedCluster and remove `servicePrincipalProfile`.",
    url: "https://learn.microsoft.com/azure/aks/use-managed-identity",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        ctx.judge(() => {
            const identity = valueAt(ctx, cluster, "identity", { fix: identityFix });
            if (identity === handled) return;
            if (identity === undefined) {
                ctx.violation("identity", "is absent, and AKS then authenticates with the service principal of servicePrincipalProfile", identityFix);
                return;
            }
            const type = valueAt(ctx, cluster, "identity.type", { fix: identityFix });
            if (type === handled) return;
            const problem = notOneOf(type, managedTypes, {
                absent: "is absent, so the cluster has no managed identity",
                other: (shown) => `is ${shown}, which is not a managed identity`,
                expected: '"SystemAssigned" or "UserAssigned"',
            });
            if (problem) ctx.violation("identity.type", problem, 'set identity.type: "SystemAssigned" or "UserAssigned"');
        });
        ctx.judge(() => {
            const fix = "remove servicePrincipalProfile and use identity";
            const principal = valueAt(ctx, cluster, "servicePrincipalProfile", { fix });
            if (principal === handled || principal === undefined) return;
            if (!isDict(principal)) {
                ctx.violation("servicePrincipalProfile", wrongType("an object", principal), fix);
                return;
            }
            // clientId "msi" is the placeholder AKS reports for clusters that use a managed identity. Only presence
            // matters otherwise: a client ID computed from an app registration is still a service principal.
            const clientId = read(principal, "clientId");
            if (clientId.kind === "value" && asString(clientId.value)?.toLowerCase() === "msi") return;
            const shown = clientId.kind === "value" ? show(clientId.value) : "(unknown until deploy)";
            ctx.violation("servicePrincipalProfile", `is set (clientId ${shown}): the cluster uses a service principal`, fix);
        });
    },
});
