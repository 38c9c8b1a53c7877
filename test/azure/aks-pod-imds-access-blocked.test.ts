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
        expectOne(policy, previewClusterType, withLinkLocal(false), /podLinkLocalAccess is false/);
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

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, previewClusterType, withLinkLocal(unknownValue("string"))).unknown ?? "", /podLinkLocalAccess/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
