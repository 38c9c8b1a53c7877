import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksWorkloadIdentityEnabled as policy } from "../../policies/azure/aks-workload-identity-enabled";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, hardenedCluster, previewClusterType, violations } from "./fixtures";

describe("aks-workload-identity-enabled", () => {
    it("passes workload identity with the OIDC issuer, on the versioned token too", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, cluster());
    });

    it("flags workload identity off or absent", () => {
        expectOne(policy, clusterType, cluster({ securityProfile: { ...hardenedCluster.securityProfile, workloadIdentity: { enabled: false } } }), /securityProfile\.workloadIdentity\.enabled is false/);
        expectOne(policy, clusterType, cluster({ securityProfile: { workloadIdentity: {} } }), /securityProfile\.workloadIdentity\.enabled is absent, and AKS then leaves workload identity off/);
    });

    it("flags the OIDC issuer off or absent", () => {
        expectOne(policy, clusterType, cluster({ oidcIssuerProfile: { enabled: false } }), /oidcIssuerProfile\.enabled is false, and workload identity needs the OIDC issuer/);
        expectOne(policy, previewClusterType, cluster({ oidcIssuerProfile: undefined }), /oidcIssuerProfile\.enabled is absent/);
    });

    it("reports both when securityProfile and oidcIssuerProfile are absent or of the wrong type", () => {
        assert.strictEqual(violations(policy, clusterType, cluster({ securityProfile: undefined, oidcIssuerProfile: undefined })).length, 2);
        assert.strictEqual(violations(policy, clusterType, cluster({ securityProfile: "on" as never, oidcIssuerProfile: [] as never })).length, 2);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, cluster({ oidcIssuerProfile: { enabled: unknownValue<boolean>("bool") } })).unknown ?? "", /oidcIssuerProfile/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
