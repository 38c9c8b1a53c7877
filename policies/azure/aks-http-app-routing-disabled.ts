import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, resourcePolicy, typescriptFix } from "../core";
import { findAddons, forbidAddon } from "./addons";

export const aksHttpAppRoutingDisabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-http-app-routing-disabled",
    displayName: "AKS HTTP application routing off",
    description: "The retired HTTP application routing add-on (not for production: public DNS zone, no TLS) is not enabled.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["azure", "network"],
    why: "The retired add-on publishes services on a public DNS zone without TLS and is not meant for production.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            addonProfiles: { httpApplicationRouting: { enabled: false } },
            ingressProfile: { webAppRouting: { enabled: true } },
        });
    `),
    remediationSteps:
        "Remove `addonProfiles.httpApplicationRouting` (or set `enabled: false`) on the azure-native containerservice.ManagedCluster; " +
        "use the application routing add-on (`ingressProfile: { webAppRouting: { enabled: true } }`) instead.",
    url: "https://learn.microsoft.com/azure/aks/http-application-routing",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        forbidAddon(ctx, findAddons(ctx, cluster, "httpApplicationRouting"), (path) => `set ${path}: false`);
    },
});
