import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asArray, asBool, asDict, azure, cisAks, isOpenToWorld, parseCidr, resourcePolicy, show } from "../core";

export const aksApiServerAccessRestricted = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-api-server-access-restricted",
    description: "The AKS API server is private, or its public endpoint admits only authorized IP ranges, none of them open to the internet.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "control-plane"],
    framework: cisAks("5.4.1", "Restrict Access to the Control Plane Endpoint"),
    remediationSteps:
        "Make the cluster private with `apiServerAccessProfile: { enablePrivateCluster: true }` on the azure-native " +
        "containerservice.ManagedCluster, or keep it public and list the networks that may reach it: " +
        '`apiServerAccessProfile: { authorizedIPRanges: ["203.0.113.0/24"] }` (never 0.0.0.0/0).',
    url: "https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const profile = asDict(cluster.apiServerAccessProfile);
        // Authorized ranges do not apply to a private cluster's endpoint.
        if (asBool(profile?.enablePrivateCluster) === true) return;
        const ranges = asArray(profile?.authorizedIPRanges);
        if (ranges.length === 0) {
            ctx.violation(
                "apiServerAccessProfile.authorizedIPRanges",
                `is ${profile?.authorizedIPRanges === undefined ? "absent" : "empty"} on a public cluster, and AKS then admits every address to the API server`,
                "set apiServerAccessProfile.enablePrivateCluster: true, or list your networks in apiServerAccessProfile.authorizedIPRanges",
            );
            return;
        }
        ranges.forEach((range, i) => {
            const cidr = parseCidr(range);
            const path = `apiServerAccessProfile.authorizedIPRanges[${i}]`;
            if (!cidr) {
                ctx.violation(path, `is ${show(range)}, which is not an IP range`, "use a CIDR such as 203.0.113.0/24");
            } else if (isOpenToWorld(cidr)) {
                ctx.violation(path, `is ${show(range)}, which admits the whole internet`, "replace it with the ranges of your own networks");
            }
        });
    },
});
