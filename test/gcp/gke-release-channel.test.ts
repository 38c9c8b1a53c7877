import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeReleaseChannel } from "../../policies/gcp/gke-release-channel";
import { checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-release-channel", () => {
    it("passes an enrolled cluster, and an Autopilot cluster without the field (always enrolled)", () => {
        assert.deepStrictEqual(checkCluster(gkeReleaseChannel, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeReleaseChannel, { ...hardenedAutopilot(), releaseChannel: undefined }).violations, []);
    });

    it("flags UNSPECIFIED on Standard and Autopilot", () => {
        assert.match(checkCluster(gkeReleaseChannel, { releaseChannel: { channel: "UNSPECIFIED" } }).violations[0], /releaseChannel\.channel is "UNSPECIFIED"/);
        assert.strictEqual(checkCluster(gkeReleaseChannel, { ...hardenedAutopilot(), releaseChannel: { channel: "UNSPECIFIED" } }).violations.length, 1);
    });

    it("flags an absent channel on a Standard cluster", () => {
        assert.match(checkCluster(gkeReleaseChannel, {}).violations[0], /releaseChannel\.channel is absent/);
    });

    it("treats a wrong type as absent, and leaves unknown values to the SDK", () => {
        assert.strictEqual(checkCluster(gkeReleaseChannel, { releaseChannel: { channel: 1 as unknown as string } }).violations.length, 1);
        assert.ok(checkCluster(gkeReleaseChannel, { releaseChannel: { channel: unknownValue<string>("string") } }).unknown);
    });
});
