import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeReleaseChannel } from "../../policies/gcp/gke-release-channel";
import { assertDeferred, assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster, problems } from "./fixtures";

describe("gke-release-channel", () => {
    it("passes an enrolled cluster, and an absent channel, which GKE fills with REGULAR on Standard and Autopilot", () => {
        assert.deepStrictEqual(checkCluster(gkeReleaseChannel, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeReleaseChannel, {}).violations, []);
        // A pinned control-plane version alone still enrolls: in the most mature channel that offers it.
        assert.deepStrictEqual(checkCluster(gkeReleaseChannel, { minMasterVersion: "1.33" }).violations, []);
        assert.deepStrictEqual(checkCluster(gkeReleaseChannel, { ...hardenedAutopilot(), releaseChannel: undefined, nodeVersion: "1.33" }).violations, []);
    });

    it("flags UNSPECIFIED on Standard and Autopilot", () => {
        assert.match(checkCluster(gkeReleaseChannel, { releaseChannel: { channel: "UNSPECIFIED" } }).violations[0], /releaseChannel\.channel is "UNSPECIFIED", which opts out/);
        assert.strictEqual(checkCluster(gkeReleaseChannel, { ...hardenedAutopilot(), releaseChannel: { channel: "UNSPECIFIED" } }).violations.length, 1);
    });

    it("flags an absent channel that GKE cannot fill: a pinned node version, or node auto-upgrade off", () => {
        assert.deepStrictEqual(problems(checkCluster(gkeReleaseChannel, { nodeVersion: "1.33.1-gke.100" })), [
            'Cluster "test": releaseChannel.channel is absent and nodeVersion is pinned, so GKE creates the cluster outside every release channel',
        ]);
        assert.match(checkCluster(gkeReleaseChannel, { nodePools: [{ name: "a", management: { autoUpgrade: false } }] }).violations[0], /nodePools\[0\]\.management\.autoUpgrade is false/);
        assert.match(checkCluster(gkeReleaseChannel, { nodePools: [{ name: "a", version: "1.33" }] }).violations[0], /nodePools\[0\]\.version is pinned/);
    });

    it("reports a wrong type, and defers an unknown channel naming the field", () => {
        assertWrongType(checkCluster(gkeReleaseChannel, { releaseChannel: { channel: 1 as unknown as string } }), "releaseChannel.channel", "a string", "number 1");
        assertDeferred(checkCluster(gkeReleaseChannel, { releaseChannel: { channel: unknownValue<string>("string") } }), "releaseChannel.channel");
    });
});
