import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeAuthorizedNetworks } from "../../policies/gcp/gke-authorized-networks";
import { assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster, problems } from "./fixtures";

const publicCluster = (networks?: ClusterArgs["masterAuthorizedNetworksConfig"]): ClusterArgs => ({
    ...hardenedCluster(),
    privateClusterConfig: { enablePrivateNodes: true },
    masterAuthorizedNetworksConfig: networks,
});

describe("gke-authorized-networks", () => {
    it("passes a public endpoint limited to narrow networks, and an empty list (no public access)", () => {
        assert.deepStrictEqual(checkCluster(gkeAuthorizedNetworks, publicCluster({ cidrBlocks: [{ cidrBlock: "203.0.113.0/24" }, { cidrBlock: "10.0.0.0/8" }] })).violations, []);
        assert.deepStrictEqual(checkCluster(gkeAuthorizedNetworks, publicCluster({})).violations, []);
    });

    it("is not applicable without a public IP endpoint (private endpoint, or Autopilot on the DNS endpoint)", () => {
        assert.match(checkCluster(gkeAuthorizedNetworks, hardenedCluster()).notApplicable ?? "", /no public IP endpoint/);
        assert.match(checkCluster(gkeAuthorizedNetworks, hardenedAutopilot()).notApplicable ?? "", /no public IP endpoint/);
    });

    it("flags an absent masterAuthorizedNetworksConfig on a public endpoint", () => {
        const r = checkCluster(gkeAuthorizedNetworks, publicCluster(undefined), { name: "gke" });
        assert.match(r.violations[0], /^Cluster "gke": masterAuthorizedNetworksConfig is absent, and GKE then accepts connections/);
        assert.strictEqual(checkCluster(gkeAuthorizedNetworks, {}).violations.length, 1);
    });

    it("flags 0.0.0.0/0, ::/0 and ranges broader than the configured minimum", () => {
        const r = checkCluster(gkeAuthorizedNetworks, publicCluster({
            cidrBlocks: [{ cidrBlock: "0.0.0.0/0" }, { cidrBlock: "10.0.0.0/8" }, { cidrBlock: "::/0" }, { cidrBlock: "128.0.0.0/1" }],
        }));
        assert.deepStrictEqual(r.violations.map((v) => v.match(/cidrBlocks\[(\d)\]/)?.[1]), ["0", "2", "3"]);
        assert.match(r.violations[0], /"0\.0\.0\.0\/0", which admits every address/);
        const strict = checkCluster(gkeAuthorizedNetworks, publicCluster({ cidrBlocks: [{ cidrBlock: "10.0.0.0/8" }] }), { config: { minimumIpv4Prefix: 16 } });
        assert.match(strict.violations[0], /broader than \/16/);
    });

    it("flags gcpPublicCidrsAccessEnabled: true", () => {
        const r = checkCluster(gkeAuthorizedNetworks, publicCluster({ cidrBlocks: [], gcpPublicCidrsAccessEnabled: true }));
        assert.match(r.violations[0], /gcpPublicCidrsAccessEnabled is true/);
    });

    it("reports wrong types (a string for cidrBlocks never passes), skips unparseable ranges, and defers unknown ones", () => {
        const asString = publicCluster({ cidrBlocks: "0.0.0.0/0" as never });
        assertWrongType(checkCluster(gkeAuthorizedNetworks, asString), "masterAuthorizedNetworksConfig.cidrBlocks", "an array", 'string "0.0.0.0/0"');
        const odd = publicCluster({ cidrBlocks: ["0.0.0.0/0", { cidrBlock: "not-a-cidr" }, { cidrBlock: 42 }] as never });
        assert.deepStrictEqual(problems(checkCluster(gkeAuthorizedNetworks, odd)), [
            'Cluster "test": masterAuthorizedNetworksConfig.cidrBlocks[0] has the wrong type: expected an object, found string "0.0.0.0/0"',
            'Cluster "test": masterAuthorizedNetworksConfig.cidrBlocks[2].cidrBlock has the wrong type: expected a string, found number 42',
        ]);
        assertWrongType(checkCluster(gkeAuthorizedNetworks, publicCluster([] as never)), "masterAuthorizedNetworksConfig", "an object", "array []");
        const unknown = publicCluster({ cidrBlocks: [{ cidrBlock: unknownValue<string>("string") }, { cidrBlock: "0.0.0.0/0" }], gcpPublicCidrsAccessEnabled: true });
        const r = checkCluster(gkeAuthorizedNetworks, unknown);
        assert.match(r.unknown ?? "", /Cluster "test": masterAuthorizedNetworksConfig\.cidrBlocks\[0\]\.cidrBlock is computed from another resource/);
        assert.deepStrictEqual(problems(r).map((p) => p.split(" is ")[0]), [
            'Cluster "test": masterAuthorizedNetworksConfig.cidrBlocks[1].cidrBlock',
            'Cluster "test": masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled',
        ]);
    });

    it("rejects an invalid config value", () => {
        assert.throws(() => checkCluster(gkeAuthorizedNetworks, {}, { config: { minimumIpv4Prefix: 40 } }));
    });
});
