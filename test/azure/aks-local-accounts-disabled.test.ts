import type { ManagedClusterArgs } from "@pulumi/azure-native/containerservice/managedCluster";
import * as assert from "assert";
import { aksLocalAccountsDisabled } from "../../policies/azure/aks-local-accounts-disabled";
import { checkResource } from "../harness";

const type = "azure-native:containerservice:ManagedCluster";
const base: ManagedClusterArgs = { resourceGroupName: "rg", aadProfile: { managed: true, enableAzureRBAC: true } };

describe("aks-local-accounts-disabled", () => {
    it("passes disableLocalAccounts: true", () => {
        assert.deepStrictEqual(checkResource(aksLocalAccountsDisabled, type, { ...base, disableLocalAccounts: true }).violations, []);
    });

    it("flags disableLocalAccounts: false", () => {
        const r = checkResource(aksLocalAccountsDisabled, type, { ...base, disableLocalAccounts: false }, { name: "aks" });
        assert.deepStrictEqual(r.violations, ['ManagedCluster "aks": disableLocalAccounts is false. Fix: set disableLocalAccounts: true']);
    });

    it("flags the absent field, whose default keeps local accounts", () => {
        assert.match(checkResource(aksLocalAccountsDisabled, type, base).violations[0], /is absent/);
    });

    it("matches the versioned tokens of locally generated SDKs", () => {
        const r = checkResource(aksLocalAccountsDisabled, "azure-native:containerservice/v20250702preview:ManagedCluster", base);
        assert.strictEqual(r.violations.length, 1);
    });

    it("does not match other azure-native resources", () => {
        assert.ok(checkResource(aksLocalAccountsDisabled, "azure-native:containerservice:AgentPool", base).notApplicable);
        assert.ok(checkResource(aksLocalAccountsDisabled, "azure-native:containerservice:ManagedClusterSnapshot", base).notApplicable);
    });
});
