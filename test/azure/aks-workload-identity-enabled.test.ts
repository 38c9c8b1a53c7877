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
        const wrong = violations(policy, clusterType, cluster({ securityProfile: "on" as never, oidcIssuerProfile: [] as never }));
        assert.deepStrictEqual(
            wrong.map((v) => v.split(". Fix")[0]),
            [
                'ManagedCluster "test": securityProfile has the wrong type: expected an object, found string "on"',
                'ManagedCluster "test": oidcIssuerProfile has the wrong type: expected an object, found array []',
            ],
        );
        expectOne(policy, clusterType, cluster({ oidcIssuerProfile: { enabled: "yes" as never } }), /oidcIssuerProfile\.enabled has the wrong type: expected a boolean, found string "yes"/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, cluster({ oidcIssuerProfile: { enabled: unknownValue<boolean>("bool") } })).unknown ?? "", /oidcIssuerProfile/);
    });

    it("judges the OIDC issuer while securityProfile is unknown as a whole, and says why that one waits", () => {
        const r = checkResource(policy, clusterType, cluster({ securityProfile: unknownValue("object"), oidcIssuerProfile: { enabled: false } }));
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0], /oidcIssuerProfile\.enabled is false/);
        assert.match(r.unknown ?? "", /securityProfile\.workloadIdentity\.enabled is in securityProfile, which the azure-native SDK computes as a whole/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
