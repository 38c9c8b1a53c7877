import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { azure, resourcePolicy } from "../core";
import { findAddons, forbidAddon } from "./addons";

export const aksHttpAppRoutingDisabled = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-http-app-routing-disabled",
    description: "The retired HTTP application routing add-on (not for production: public DNS zone, no TLS) is not enabled.",
    severity: "medium",
    enforcementLevel: "mandatory",
    tags: ["azure", "network"],
    remediationSteps:
        "Remove `addonProfiles.httpApplicationRouting` (or set `enabled: false`) on the azure-native containerservice.ManagedCluster; " +
        "use the application routing add-on (`ingressProfile: { webAppRouting: { enabled: true } }`) instead.",
    url: "https://learn.microsoft.com/azure/aks/http-application-routing",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        forbidAddon(ctx, findAddons(ctx, cluster, "httpApplicationRouting"), (path) => `set ${path}: false`);
    },
});
