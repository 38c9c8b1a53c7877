// AKS Automatic (`sku: { name: "Automatic" }`) sets some controls itself. A cluster whose request leaves
// them out gets them on, and they cannot be turned off: "Preconfigured" in Microsoft's AKS Automatic and
// Standard feature comparison (learn.microsoft.com/azure/aks/intro-aks-automatic, MicrosoftDocs/azure-aks-docs
// articles/aks/intro-aks-automatic.md, 2026-05-22):
// - Azure RBAC for Kubernetes authorization, with Microsoft Entra ID authentication and no local accounts;
// - workload identity and the OIDC issuer;
// - cluster upgrades on the stable channel, node OS images on the NodeImage channel;
// - Deployment Safeguards, which run on the Azure Policy add-on (articles/aks/deployment-safeguards.md);
// - Azure CNI Overlay powered by Cilium, which enforces NetworkPolicies.
// The quickstart's Bicep for an Automatic cluster sets only `sku` and the system pool, so the AKS Standard
// defaults the policies otherwise assume for absent fields would be false alarms there. Only absent fields
// take these values: a value the program writes is judged as written.
import { isUnknown, peek } from "../core";

/** What an Automatic cluster has where the request leaves the field (or an object on its path) out. */
const automaticDefaults: Readonly<Record<string, unknown>> = {
    aadProfile: { managed: true, enableAzureRBAC: true },
    "aadProfile.managed": true,
    "aadProfile.enableAzureRBAC": true,
    disableLocalAccounts: true,
    "securityProfile.workloadIdentity.enabled": true,
    "oidcIssuerProfile.enabled": true,
    "autoUpgradeProfile.upgradeChannel": "stable",
    "autoUpgradeProfile.nodeOSUpgradeChannel": "NodeImage",
    "networkProfile.networkPolicy": "cilium",
    // Deployment Safeguards run on it; add-on keys are matched without regard to case (./addons).
    "addonProfiles.azurepolicy.enabled": true,
};

/** True for an AKS Automatic cluster, false for any other SKU (Base, or none), "unknown" while `sku.name` is. */
function isAutomatic(cluster: unknown): boolean | "unknown" {
    const sku = peek(cluster, "sku");
    const name = isUnknown(sku) ? sku : peek(sku, "name");
    if (isUnknown(name)) return "unknown";
    return typeof name === "string" && name.toLowerCase() === "automatic";
}

/**
 * The value an absent field of the cluster takes: Automatic's where it sets one, undefined otherwise (the
 * field is then absent, with AKS Standard's default), or "unknown" when only an unknown `sku.name` could tell.
 */
export function absentValue(cluster: unknown, path: string): { value: unknown } | "unknown" | undefined {
    if (!(path in automaticDefaults)) return undefined;
    const automatic = isAutomatic(cluster);
    if (automatic === "unknown") return "unknown";
    return automatic ? { value: automaticDefaults[path] } : undefined;
}

/** For the remediation of each policy whose field Automatic sets. */
export const automaticNote = ' An AKS Automatic cluster (`sku: { name: "Automatic" }`) has this on when the field is left out.';

/** Why a verdict waits for `sku.name`, completing "sku.name ...". */
export function automaticWhy(path: string): string {
    return `decides whether the cluster is AKS Automatic, which turns ${path} on when it is absent`;
}
