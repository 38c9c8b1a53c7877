// AKS Automatic (`sku: { name: "Automatic" }`) turns some controls on itself (policies/azure/automatic.ts):
// a cluster written as Microsoft's quickstart writes it, with only the SKU and a system pool, passes those
// policies, while the same request on AKS Standard is flagged, and a value the program writes is judged as
// written.
import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksAadManaged } from "../../policies/azure/aks-aad-managed";
import { aksAutoUpgradeChannel } from "../../policies/azure/aks-auto-upgrade-channel";
import { aksAzurePolicyAddon } from "../../policies/azure/aks-azure-policy-addon";
import { aksAzureRbacEnabled } from "../../policies/azure/aks-azure-rbac-enabled";
import { aksLocalAccountsDisabled } from "../../policies/azure/aks-local-accounts-disabled";
import { aksNetworkPolicyEnabled } from "../../policies/azure/aks-network-policy-enabled";
import { aksPrivateCluster } from "../../policies/azure/aks-private-cluster";
import { aksWorkloadIdentityEnabled } from "../../policies/azure/aks-workload-identity-enabled";
import { checkResource } from "../harness";

const type = "azure-native:containerservice:ManagedCluster";
// The quickstart's Bicep (MicrosoftDocs/azure-aks-docs, articles/aks/automatic/quick-automatic-managed-network.md).
const automatic: ManagedClusterArgs = {
    resourceGroupName: "rg",
    sku: { name: "Automatic", tier: "Standard" },
    agentPoolProfiles: [{ name: "systempool", mode: "System", count: 3 }],
    identity: { type: "SystemAssigned" },
};
const standard: ManagedClusterArgs = { ...automatic, sku: { name: "Base", tier: "Free" } };

// [policy, the field its finding names on AKS Standard, a value the program could write that is still insecure]
const preconfigured: [ResourceValidationPolicy, string, Partial<ManagedClusterArgs>][] = [
    [aksLocalAccountsDisabled, "disableLocalAccounts", { disableLocalAccounts: false }],
    [aksAzureRbacEnabled, "aadProfile", { aadProfile: { managed: true, enableAzureRBAC: false } }],
    [aksAadManaged, "aadProfile", { aadProfile: { managed: false } }],
    [aksWorkloadIdentityEnabled, "securityProfile.workloadIdentity.enabled", { securityProfile: { workloadIdentity: { enabled: false } } }],
    [aksAutoUpgradeChannel, "autoUpgradeProfile.upgradeChannel", { autoUpgradeProfile: { upgradeChannel: "none" } }],
    [aksAzurePolicyAddon, "addonProfiles.azurepolicy.enabled", { addonProfiles: { azurepolicy: { enabled: false } } }],
    [aksNetworkPolicyEnabled, "networkProfile.networkPolicy", { networkProfile: { networkPolicy: "none" } }],
];

describe("AKS Automatic", () => {
    for (const [policy, field, insecure] of preconfigured) {
        describe(policy.name, () => {
            it("passes the quickstart's Automatic cluster, which leaves the field out", () => {
                const r = checkResource(policy, type, automatic, { name: "aks" });
                assert.deepStrictEqual(r.violations, []);
                assert.strictEqual(r.unknown, undefined);
                // ARM takes the SKU name without regard to case.
                assert.deepStrictEqual(checkResource(policy, type, { ...automatic, sku: { name: "automatic" } }).violations, []);
            });

            it("flags the same request on AKS Standard, or with no SKU", () => {
                for (const props of [standard, { ...automatic, sku: undefined }]) {
                    const r = checkResource(policy, type, props, { name: "aks" });
                    assert.ok(r.violations.length >= 1, JSON.stringify(props.sku)); // workload identity also names the OIDC issuer
                    assert.ok(r.violations[0].startsWith(`ManagedCluster "aks": ${field} `), r.violations[0]);
                }
            });

            it("judges a value the program writes as written", () => {
                const r = checkResource(policy, type, { ...automatic, ...insecure }, { name: "aks" });
                assert.strictEqual(r.violations.length, 1);
            });

            it("defers, naming sku.name, while the SKU is unknown", () => {
                const r = checkResource(policy, type, { ...automatic, sku: { name: unknownValue("string") } });
                assert.deepStrictEqual(r.violations, []);
                assert.match(r.unknown ?? "", /sku\.name decides whether the cluster is AKS Automatic, which turns \S+ on when it is absent/);
                assert.match(checkResource(policy, type, { ...automatic, sku: unknownValue("object") }).unknown ?? "", /sku\.name/);
            });
        });
    }

    it("reads a SKU of the wrong type as AKS Standard", () => {
        assert.strictEqual(checkResource(aksLocalAccountsDisabled, type, { ...automatic, sku: "Automatic" as never }).violations.length, 1);
    });

    it("still flags what Automatic does not preconfigure, such as a public API server", () => {
        const r = checkResource(aksPrivateCluster, type, automatic, { name: "aks" });
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0], /apiServerAccessProfile/);
    });
});
