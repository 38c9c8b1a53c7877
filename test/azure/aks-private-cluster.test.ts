import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksPrivateCluster as policy } from "../../policies/azure/aks-private-cluster";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType } from "./fixtures";

const publicCluster = (authorizedIPRanges?: unknown) => cluster({ apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: authorizedIPRanges as never } });
const allowRanges = { config: { allowAuthorizedIPRanges: true } };

describe("aks-private-cluster", () => {
    it("passes a private cluster, on the versioned token too", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, previewClusterType, cluster({ apiServerAccessProfile: { enablePrivateCluster: "true" as never } }));
    });

    it("flags a public endpoint by default, as EKS and GKE do, even behind authorized ranges", () => {
        expectOne(
            policy,
            clusterType,
            publicCluster(["203.0.113.0/24"]),
            /^ManagedCluster "test": apiServerAccessProfile\.enablePrivateCluster is false, so the API server has a public endpoint\. Fix: set apiServerAccessProfile\.enablePrivateCluster: true$/,
        );
        expectOne(policy, previewClusterType, cluster({ apiServerAccessProfile: undefined }), /enablePrivateCluster is absent, and AKS then gives the API server a public endpoint/);
    });

    it("accepts a public endpoint with authorized ranges when allowAuthorizedIPRanges is set, and only then", () => {
        expectClean(policy, clusterType, publicCluster(["203.0.113.0/24"]), allowRanges);
        // The ranges themselves are judged by aks-api-server-access-restricted.
        expectClean(policy, clusterType, publicCluster(["0.0.0.0/0"]), allowRanges);
        expectOne(policy, clusterType, publicCluster(), /enablePrivateCluster is false, so the API server has a public endpoint without authorized IP ranges\. Fix: .*or list authorized networks/, allowRanges);
        expectOne(policy, clusterType, publicCluster([]), /without authorized IP ranges/, allowRanges);
        expectOne(policy, clusterType, publicCluster("203.0.113.0/24"), /without authorized IP ranges/, allowRanges);
    });

    it("flags values of the wrong type", () => {
        expectOne(policy, clusterType, cluster({ apiServerAccessProfile: { enablePrivateCluster: 1 as never } }), /enablePrivateCluster has the wrong type: expected a boolean, found number 1/);
        expectOne(policy, clusterType, cluster({ apiServerAccessProfile: "private" as never }), /apiServerAccessProfile has the wrong type: expected an object, found string "private"/);
    });

    it("defers unknowns, naming the field", () => {
        const r = checkResource(policy, clusterType, cluster({ apiServerAccessProfile: { enablePrivateCluster: unknownValue<boolean>("bool") } }));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /apiServerAccessProfile\.enablePrivateCluster is computed from another resource/);
        const ranges = checkResource(policy, clusterType, publicCluster(unknownValue("array")), allowRanges);
        assert.match(ranges.unknown ?? "", /apiServerAccessProfile\.authorizedIPRanges is computed from another resource/);
    });

    it("is mandatory, has the setting in its schema, and skips other types", () => {
        assert.strictEqual(policy.enforcementLevel, "mandatory");
        assert.strictEqual(policy.configSchema?.properties.allowAuthorizedIPRanges?.default, false);
        assert.ok(checkResource(policy, agentPoolType, {}).notApplicable);
    });
});
