import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { aksApiServerAccessRestricted as policy } from "../../policies/azure/aks-api-server-access-restricted";
import { checkResource } from "../harness";
import { agentPoolType, cluster, clusterType, expectClean, expectOne, previewClusterType, violations } from "./fixtures";

const publicCluster = (authorizedIPRanges?: string[]) => cluster({ apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges } });

describe("aks-api-server-access-restricted", () => {
    it("passes a private cluster, and does not judge authorized ranges there", () => {
        expectClean(policy, clusterType, cluster());
        expectClean(policy, clusterType, cluster({ apiServerAccessProfile: { enablePrivateCluster: true, authorizedIPRanges: ["0.0.0.0/0"] } }));
    });

    it("passes a public cluster limited to authorized ranges", () => {
        expectClean(policy, clusterType, publicCluster(["203.0.113.0/24", "198.51.100.7", "2001:db8::/32"]));
    });

    it("flags a public cluster without authorized ranges (absent, empty, absent profile)", () => {
        expectOne(policy, clusterType, publicCluster(), /^ManagedCluster "test": apiServerAccessProfile\.authorizedIPRanges is absent on a public cluster, and AKS then admits every address/);
        expectOne(policy, clusterType, publicCluster([]), /authorizedIPRanges is empty/);
        expectOne(policy, clusterType, cluster({ apiServerAccessProfile: undefined }), /authorizedIPRanges is absent/);
    });

    it("flags each range open to the internet, IPv4 and IPv6", () => {
        const found = violations(policy, clusterType, publicCluster(["203.0.113.0/24", "0.0.0.0/0", "::/0"]));
        assert.deepStrictEqual(found.map((v) => v.split(" ")[2]), ["apiServerAccessProfile.authorizedIPRanges[1]", "apiServerAccessProfile.authorizedIPRanges[2]"]);
        assert.match(found[0], /is "0\.0\.0\.0\/0", which admits the whole internet/);
    });

    it("flags entries that are not IP ranges, and wrong types, without crashing", () => {
        expectOne(policy, clusterType, publicCluster(["10.0.0.0/33"]), /\[0\] is "10\.0\.0\.0\/33", which is not an IP range/);
        expectOne(policy, clusterType, cluster({ apiServerAccessProfile: "private" as never }), /apiServerAccessProfile has the wrong type: expected an object, found string "private"/);
        // A single range given as a string is not a list: never read as "empty", never passed.
        expectOne(policy, clusterType, cluster({ apiServerAccessProfile: { authorizedIPRanges: "0.0.0.0/0" as never } }), /authorizedIPRanges has the wrong type: expected a list of CIDR ranges, found string "0\.0\.0\.0\/0"/);
        expectOne(policy, clusterType, cluster({ apiServerAccessProfile: { enablePrivateCluster: "yes" as never } }), /enablePrivateCluster has the wrong type: expected a boolean/);
    });

    it("matches the versioned token and leaves unknowns to the SDK", () => {
        expectOne(policy, previewClusterType, publicCluster(), /authorizedIPRanges/);
        const r = checkResource(policy, clusterType, cluster({ apiServerAccessProfile: { enablePrivateCluster: unknownValue<boolean>("bool") } }));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /enablePrivateCluster/);
        // An unknown range defers only itself; the known ones are still judged.
        const ranges = checkResource(policy, clusterType, publicCluster([unknownValue("string"), "0.0.0.0/0"]));
        assert.match(ranges.unknown ?? "", /authorizedIPRanges\[0\] is computed from another resource/);
        assert.strictEqual(ranges.violations.length, 1);
    });

    it("is not applicable to agent pools", () => {
        assert.match(checkResource(policy, agentPoolType, {}).notApplicable ?? "", /does not apply/);
    });
});
