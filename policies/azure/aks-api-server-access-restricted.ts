import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, azure, cisAks, isOpenToWorld, isUnknown, nsaHardening, parseCidr, peek, resourcePolicy, show, typescriptFix, wrongType } from "../core";
import { handled, valueAt } from "./fields";

const fix = "set apiServerAccessProfile.enablePrivateCluster: true, or list your networks in apiServerAccessProfile.authorizedIPRanges";

export const aksApiServerAccessRestricted = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-api-server-access-restricted",
    displayName: "AKS API server access restricted",
    description: "The AKS API server is private, or its public endpoint admits only authorized IP ranges, none of them open to the internet.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "control-plane"],
    framework: cisAks("5.4.1", "Restrict Access to the Control Plane Endpoint"),
    alsoCites: [
        nsaHardening("Network separation and hardening", "Control plane hardening"),
    ],
    why: "An API server open to every IP lets anyone on the internet probe it and try leaked credentials.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            apiServerAccessProfile: { authorizedIPRanges: ["203.0.113.0/24"] },
        });
    `),
    remediationSteps:
        "Make the cluster private with `apiServerAccessProfile: { enablePrivateCluster: true }` on the azure-native " +
        "containerservice.ManagedCluster, or keep it public and list the networks that may reach it: " +
        '`apiServerAccessProfile: { authorizedIPRanges: ["203.0.113.0/24"] }` (never 0.0.0.0/0).',
    url: "https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        const isPrivate = valueAt(ctx, cluster, "apiServerAccessProfile.enablePrivateCluster", { fix });
        if (isPrivate === handled) return;
        // Authorized ranges do not apply to a private cluster's endpoint.
        if (asBool(isPrivate) === true) return;
        if (isPrivate !== undefined && asBool(isPrivate) === undefined) {
            ctx.violation("apiServerAccessProfile.enablePrivateCluster", wrongType("a boolean", isPrivate), fix);
            return;
        }
        const ranges = valueAt(ctx, cluster, "apiServerAccessProfile.authorizedIPRanges", { fix });
        if (ranges === handled) return;
        if (ranges !== undefined && !Array.isArray(ranges)) {
            ctx.violation("apiServerAccessProfile.authorizedIPRanges", wrongType("a list of CIDR ranges", ranges), fix);
            return;
        }
        if (!ranges || ranges.length === 0) {
            ctx.violation(
                "apiServerAccessProfile.authorizedIPRanges",
                `is ${ranges === undefined ? "absent" : "empty"} on a public cluster, and AKS then admits every address to the API server`,
                fix,
            );
            return;
        }
        for (let i = 0; i < ranges.length; i++) {
            const range = peek(ranges, i);
            const path = `apiServerAccessProfile.authorizedIPRanges[${i}]`;
            if (isUnknown(range)) {
                ctx.defer(path);
                continue;
            }
            const cidr = parseCidr(range);
            if (!cidr) {
                ctx.violation(path, `is ${show(range)}, which is not an IP range`, "use a CIDR such as 203.0.113.0/24");
            } else if (isOpenToWorld(cidr)) {
                ctx.violation(path, `is ${show(range)}, which admits the whole internet`, "replace it with the ranges of your own networks");
            }
        }
    },
});
