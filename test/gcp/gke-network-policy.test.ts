import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeNetworkPolicy } from "../../policies/gcp/gke-network-policy";
import { checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-network-policy", () => {
    it("passes Dataplane V2 (ADVANCED_DATAPATH), which enforces NetworkPolicy without networkPolicy.enabled", () => {
        assert.deepStrictEqual(checkCluster(gkeNetworkPolicy, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeNetworkPolicy, { datapathProvider: "ADVANCED_DATAPATH", networkPolicy: { enabled: false } }).violations, []);
    });

    it("passes the network policy add-on", () => {
        assert.deepStrictEqual(checkCluster(gkeNetworkPolicy, { networkPolicy: { enabled: true, provider: "CALICO" } }).violations, []);
    });

    it("is not applicable to Autopilot", () => {
        assert.match(checkCluster(gkeNetworkPolicy, hardenedAutopilot()).notApplicable ?? "", /Dataplane V2/);
    });

    it("flags the legacy datapath without the add-on, and the absent fields", () => {
        assert.match(checkCluster(gkeNetworkPolicy, { datapathProvider: "LEGACY_DATAPATH", networkPolicy: { enabled: false } }).violations[0], /networkPolicy\.enabled is false and datapathProvider is not "ADVANCED_DATAPATH"/);
        assert.match(checkCluster(gkeNetworkPolicy, {}).violations[0], /networkPolicy\.enabled is absent/);
    });

    it("treats wrong types as absent, and leaves unknown values to the SDK", () => {
        assert.strictEqual(checkCluster(gkeNetworkPolicy, { datapathProvider: 2 as unknown as string, networkPolicy: "on" as never }).violations.length, 1);
        assert.ok(checkCluster(gkeNetworkPolicy, { datapathProvider: unknownValue<string>("string") }).unknown);
    });
});
