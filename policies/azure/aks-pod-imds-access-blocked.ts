import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { Unwrap } from "@pulumi/pulumi";
import { asBool, asString, azure, nsaHardening, resourcePolicy, show, typescriptFix, wrongType } from "../core";
import { handled, read, valueAt } from "./fields";

const networkPolicyEngines = ["azure", "calico", "cilium"];
const workloadIdentityFields = ["securityProfile.workloadIdentity.enabled", "oidcIssuerProfile.enabled"];
const fix =
    'set networkProfile.podLinkLocalAccess: "None" where your API version has it; otherwise enable workload identity and a network policy engine, ' +
    "and apply NetworkPolicies that block egress to 169.254.169.254/32";

export const aksPodImdsAccessBlocked = resourcePolicy<Unwrap<ManagedClusterArgs>>({
    name: "aks-pod-imds-access-blocked",
    displayName: "AKS pods cannot reach instance metadata",
    description:
        "Pods cannot reach the Azure Instance Metadata Service (169.254.169.254) and the node identity's tokens: " +
        "networkProfile.podLinkLocalAccess is None where the API version has it, otherwise workload identity and a network policy engine are in place.",
    severity: "high",
    enforcementLevel: "mandatory",
    tags: ["azure", "identity"],
    framework: nsaHardening("Network separation and hardening", "Protecting sensitive cloud infrastructure"),
    why: "Pods that reach 169.254.169.254 can request tokens for the node's managed identity and act as the node in Azure.",
    fixExample: typescriptFix(`
        const cluster = new azure_native.containerservice.ManagedCluster("prod", {
            resourceGroupName: group.name,
            dnsPrefix: "prod",
            oidcIssuerProfile: { enabled: true },
            securityProfile: { workloadIdentity: { enabled: true } },
            networkProfile: { networkPlugin: "azure", networkPolicy: "cilium", networkDataplane: "cilium" },
        });
    `),
    remediationSteps:
        'With an API version that has it (e.g. a preview azure-native containerservice version), set `networkProfile: { podLinkLocalAccess: "None" }` ' +
        "on the ManagedCluster. Otherwise enable workload identity (`securityProfile.workloadIdentity.enabled: true`, " +
        '`oidcIssuerProfile.enabled: true`) and a network policy engine (`networkProfile.networkPolicy: "azure" | "calico" | "cilium"`), ' +
        "then block egress to 169.254.169.254/32 with a NetworkPolicy in every namespace (in the program that deploys the workloads; " +
        "the k8s-block-metadata-egress policy checks those).",
    url: "https://learn.microsoft.com/azure/aks/imds-restriction",
    appliesTo: azure.managedCluster,
    validate: (cluster, ctx) => {
        // podLinkLocalAccess exists only in some (preview) API versions, so the stable SDK types do not list it.
        const access = valueAt(ctx, cluster, "networkProfile.podLinkLocalAccess", { fix });
        if (access === handled) return;
        if (access !== undefined) {
            if (typeof access !== "string") ctx.violation("networkProfile.podLinkLocalAccess", wrongType('"None" or "IMDS"', access), fix);
            else if (access.toLowerCase() !== "none") ctx.violation("networkProfile.podLinkLocalAccess", `is ${show(access)}, so pods can reach IMDS`, 'set networkProfile.podLinkLocalAccess: "None"');
            return;
        }
        // The alternative: judge what is known. A part known to be missing fails it whatever the unknown parts hold.
        const networkPolicy = read(cluster, "networkProfile.networkPolicy");
        const engine = networkPolicy.kind === "value" && networkPolicyEngines.includes(asString(networkPolicy.value)?.toLowerCase() ?? "");
        const identity = workloadIdentityFields.map((path) => read(cluster, path));
        const identityOff = identity.some((r) => r.kind !== "unknown" && (r.kind !== "value" || asBool(r.value) !== true));
        const identityOn = identity.every((r) => r.kind === "value" && asBool(r.value) === true);
        if (engine && identityOn) return;
        // Only what is known to be missing is claimed; an unknown part may still be in place.
        const missing = [
            ...(identityOff ? ["workload identity (securityProfile.workloadIdentity.enabled and oidcIssuerProfile.enabled)"] : []),
            ...(engine || networkPolicy.kind === "unknown" ? [] : ["a network policy engine (networkProfile.networkPolicy)"]),
        ];
        if (missing.length === 0) {
            // Only unknowns stand between the alternative and a verdict: defer them, by name.
            for (const path of ["networkProfile.networkPolicy", ...workloadIdentityFields]) {
                if (read(cluster, path).kind === "unknown") valueAt(ctx, cluster, path, { fix });
            }
            return;
        }
        ctx.violation(
            "networkProfile.podLinkLocalAccess",
            `is absent, and AKS then lets pods reach IMDS at 169.254.169.254; the alternative restriction lacks ${missing.join(" and ")}`,
            fix,
        );
    },
});
