import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksVersionSupported as policy } from "../../policies/azure/aks-version-supported";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

describe("aks-version-supported", () => {
    it("passes a current version, a version the table does not know, and an absent one", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, clusterType, cluster({ kubernetesVersion: "1.32.4" }), { config: { referenceDate: "2026-03-31" } });
        expectClean(policy, previewClusterType, cluster({ kubernetesVersion: undefined }));
    });

    it("flags a version past the end of AKS support, on both tokens", () => {
        expectOne(policy, clusterType, cluster({ kubernetesVersion: "1.32.4" }), /^ManagedCluster "test": kubernetesVersion is "1\.32\.4": AKS support for 1\.32 ended on 2026-03-31\. Fix: upgrade kubernetesVersion/, { config: { referenceDate: "2026-04-01" } });
        expectOne(policy, previewClusterType, cluster({ kubernetesVersion: "1.27" }), /1\.27 ended on 2024-07-31/);
    });

    it("applies supportTableOverrides over the built-in table", () => {
        expectClean(policy, clusterType, cluster({ kubernetesVersion: "1.30" }), { config: { referenceDate: "2026-01-01", supportTableOverrides: { "1.30": "2026-07-31" } } });
    });

    it("ignores strings that are not versions, and flags values of the wrong type", () => {
        expectClean(policy, clusterType, cluster({ kubernetesVersion: "stable" }));
        expectOne(policy, clusterType, cluster({ kubernetesVersion: 1.27 as never }), /kubernetesVersion has the wrong type: expected a version string such as "1\.33", found number 1\.27/);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, cluster({ kubernetesVersion: unknownValue("string") })).unknown ?? "", /kubernetesVersion/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
