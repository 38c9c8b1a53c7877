import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksVersionSupported as policy } from "../../policies/azure/aks-version-supported";
import { checkResource } from "../harness";
import { referenceDate } from "../reference-date";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

const at = (date: string, extra: Record<string, unknown> = {}) => ({ config: { referenceDate: date, ...extra } });
const pinned = at(referenceDate);

describe("aks-version-supported", () => {
    it("passes a supported version, a version newer than the table, and an absent one", () => {
        for (const version of ["1.35", "1.36.2", "1.37", "1.38"]) expectClean(policy, clusterType, cluster({ kubernetesVersion: version }), pinned);
        expectClean(policy, clusterType, cluster({ kubernetesVersion: "1.32.4" }), at("2026-03-31"));
        expectClean(policy, previewClusterType, cluster({ kubernetesVersion: undefined }), pinned);
        expectClean(policy, clusterType, cluster({ kubernetesVersion: null as never }), pinned);
    });

    it("flags a version past the end of AKS community support, on both tokens", () => {
        expectOne(policy, clusterType, cluster({ kubernetesVersion: "1.32.4" }), /^ManagedCluster "test": kubernetesVersion is "1\.32\.4": AKS community support for 1\.32 ended on 2026-03-31; paid long-term support \(supportPlan AKSLongTermSupport\) lasts until 2027-03-31, which this policy does not count\. Fix: upgrade kubernetesVersion/, at("2026-04-01"));
        expectOne(policy, previewClusterType, cluster({ kubernetesVersion: "1.27" }), /: AKS community support for 1\.27 ended on 2024-07-31\. Fix/, pinned);
        // 1.34's community support ends on the reference date itself, which still counts.
        expectClean(policy, clusterType, cluster({ kubernetesVersion: "1.34" }), pinned);
        expectOne(policy, clusterType, cluster({ kubernetesVersion: "1.34" }), /1\.34 ended on 2026-11-30; paid long-term support .* lasts until 2027-11-30/, at("2026-12-01"));
    });

    it("flags versions older than the table, which passed before (1.19)", () => {
        expectOne(policy, clusterType, cluster({ kubernetesVersion: "1.19.11" }), /kubernetesVersion is "1\.19\.11", older than every version in the AKS community support table: support for 1\.21, the oldest listed, ended on 2022-07-31/, pinned);
    });

    it("applies supportTableOverrides over the built-in table", () => {
        expectClean(policy, clusterType, cluster({ kubernetesVersion: "1.30" }), at("2026-01-01", { supportTableOverrides: { "1.30": "2026-07-31" } }));
        expectOne(policy, clusterType, cluster({ kubernetesVersion: "1.36" }), /1\.36 ended on 2026-10-01\. Fix/, at(referenceDate, { supportTableOverrides: { "1.36": "2026-10-01" } }));
    });

    it("says the table may be stale when judged more than 6 months after its review", () => {
        expectOne(policy, clusterType, cluster({ kubernetesVersion: "1.36" }), /1\.36 ended on 2027-06-30 \(the built-in table was reviewed on 2026-11-30, more than 6 months before 2036-11-30, so its dates may be stale: correct them with the supportTableOverrides config\)/, at("2036-11-30"));
    });

    it("rejects an impossible referenceDate with an error naming the policy and the key", () => {
        assert.throws(() => checkResource(policy, clusterType, cluster(), at("2025-02-30")), /invalid configuration for policy "aks-version-supported": referenceDate is "2025-02-30"/);
    });

    it("flags strings that are not versions and values of the wrong type", () => {
        expectOne(policy, clusterType, cluster({ kubernetesVersion: "stable" }), /kubernetesVersion is "stable", which is not a Kubernetes version\. Fix: set kubernetesVersion to a supported minor version such as "1\.36"/, pinned);
        expectOne(policy, clusterType, cluster({ kubernetesVersion: 1.27 as never }), /kubernetesVersion has the wrong type: expected a version string such as "1\.36", found number 1\.27/, pinned);
    });

    it("leaves unknowns to the SDK and skips other types", () => {
        assert.match(checkResource(policy, clusterType, cluster({ kubernetesVersion: unknownValue("string") }), pinned).unknown ?? "", /kubernetesVersion/);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
