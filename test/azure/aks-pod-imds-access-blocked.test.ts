import type * as inputs from "@pulumi/azure-native/types/input";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksPodImdsAccessBlocked as policy } from "../../policies/azure/aks-pod-imds-access-blocked";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

// podLinkLocalAccess exists only in preview API versions, so the stable input type does not list it.
const stable: inputs.containerservice.ContainerServiceNetworkProfileArgs = { networkPlugin: "azure", networkPolicy: "cilium", networkDataplane: "cilium" };
const withLinkLocal = (podLinkLocalAccess: unknown) => {
    const networkProfile = { ...stable, podLinkLocalAccess };
    return cluster({ networkProfile });
};

describe("aks-pod-imds-access-blocked", () => {
    it('passes podLinkLocalAccess: "None" where the API version has it', () => {
        expectClean(policy, previewClusterType, withLinkLocal("None"));
    });

    it('flags podLinkLocalAccess "IMDS" even with workload identity and a network policy engine', () => {
        expectOne(policy, previewClusterType, withLinkLocal("IMDS"), /^ManagedCluster "test": networkProfile\.podLinkLocalAccess is "IMDS", so pods can reach IMDS\. Fix: set networkProfile\.podLinkLocalAccess: "None"$/);
        expectOne(policy, previewClusterType, withLinkLocal(false), /podLinkLocalAccess has the wrong type: expected "None" or "IMDS", found boolean false/);
    });

    it("passes an absent field when workload identity and a network policy engine are in place", () => {
        expectClean(policy, clusterType, cluster());
    });

    it("flags an absent field and says how to get the restriction", () => {
        const noEngine = expectOne(policy, clusterType, cluster({ networkProfile: { networkPlugin: "azure" } }), /podLinkLocalAccess is absent, and AKS then lets pods reach IMDS at 169\.254\.169\.254; the alternative restriction lacks a network policy engine/);
        assert.match(noEngine, /NetworkPolicies that block egress to 169\.254\.169\.254\/32/);
        expectOne(policy, clusterType, cluster({ oidcIssuerProfile: { enabled: false } }), /lacks workload identity/);
        expectOne(policy, clusterType, cluster({ networkProfile: undefined, securityProfile: undefined }), /lacks workload identity .* and a network policy engine/);
    });

    it("never claims an unknown network policy engine is missing: defers it, or names only the part known to be missing", () => {
        const unknownEngine = (extra: object) => cluster({ networkProfile: { networkPlugin: "azure", networkPolicy: unknownValue<string>("string") }, ...extra });
        const pending = checkResource(policy, clusterType, unknownEngine({}));
        assert.deepStrictEqual(pending.violations, []);
        assert.match(pending.unknown ?? "", /networkProfile\.networkPolicy/);
        const identityOff = expectOne(policy, clusterType, unknownEngine({ oidcIssuerProfile: { enabled: false } }), /lacks workload identity/);
        assert.doesNotMatch(identityOff, /\(networkProfile\.networkPolicy\)/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, previewClusterType, withLinkLocal(unknownValue("string"))).unknown ?? "", /podLinkLocalAccess/);
    });

    it("judges what is known when securityProfile is unknown as a whole (the SDK computes it with one .apply)", () => {
        const whole = { securityProfile: unknownValue<never>("object") };
        // A network policy engine is there: only workload identity is missing, so the verdict waits, naming the field and why.
        const pending = checkResource(policy, clusterType, cluster(whole));
        assert.deepStrictEqual(pending.violations, []);
        assert.match(pending.unknown ?? "", /securityProfile\.workloadIdentity\.enabled is in securityProfile, which the azure-native SDK computes as a whole/);
        // Known gaps fail it whatever securityProfile holds.
        expectOne(policy, clusterType, cluster({ ...whole, networkProfile: { networkPlugin: "azure" } }), /lacks a network policy engine/);
        expectOne(policy, clusterType, cluster({ ...whole, oidcIssuerProfile: { enabled: false } }), /lacks workload identity/);
        // networkProfile unknown as a whole: podLinkLocalAccess may be "None", so nothing is claimed.
        const network = checkResource(policy, clusterType, cluster({ networkProfile: unknownValue<never>("object") }));
        assert.deepStrictEqual(network.violations, []);
        assert.match(network.unknown ?? "", /networkProfile\.podLinkLocalAccess is in networkProfile/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
