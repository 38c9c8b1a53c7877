import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeNetworkPolicy } from "../../policies/gcp/gke-network-policy";
import { assertDeferred, assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster, problems } from "./fixtures";

const calico = { networkPolicy: { enabled: true, provider: "CALICO" } };

describe("gke-network-policy", () => {
    it("passes Dataplane V2 (ADVANCED_DATAPATH), which needs neither networkPolicy nor the add-on", () => {
        assert.deepStrictEqual(checkCluster(gkeNetworkPolicy, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeNetworkPolicy, { datapathProvider: "ADVANCED_DATAPATH", networkPolicy: { enabled: false } }).violations, []);
    });

    it("passes Calico with the network policy add-on enabled", () => {
        assert.deepStrictEqual(checkCluster(gkeNetworkPolicy, { ...calico, addonsConfig: { networkPolicyConfig: { disabled: false } } }).violations, []);
    });

    it("flags networkPolicy.enabled without the add-on (missing, or disabled: true): Calico is not deployed", () => {
        assert.deepStrictEqual(problems(checkCluster(gkeNetworkPolicy, calico)), [
            'Cluster "test": addonsConfig.networkPolicyConfig.disabled is absent, and the network policy add-on is disabled by default, so networkPolicy.enabled alone does not deploy Calico and NetworkPolicy objects are not enforced',
        ]);
        assert.match(checkCluster(gkeNetworkPolicy, { ...calico, addonsConfig: { networkPolicyConfig: { disabled: true } } }).violations[0], /networkPolicyConfig\.disabled is true, so networkPolicy\.enabled alone/);
        assert.match(checkCluster(gkeNetworkPolicy, { ...calico, addonsConfig: {} }).violations[0], /is absent, and the network policy add-on is disabled by default/);
    });

    it("is not applicable to Autopilot", () => {
        assert.match(checkCluster(gkeNetworkPolicy, hardenedAutopilot()).notApplicable ?? "", /Dataplane V2/);
    });

    it("flags the legacy datapath without network policy, and the absent fields", () => {
        assert.match(checkCluster(gkeNetworkPolicy, { datapathProvider: "LEGACY_DATAPATH", networkPolicy: { enabled: false } }).violations[0], /networkPolicy\.enabled is false and datapathProvider is not "ADVANCED_DATAPATH"/);
        assert.match(checkCluster(gkeNetworkPolicy, { addonsConfig: { networkPolicyConfig: { disabled: false } } }).violations[0], /networkPolicy\.enabled is absent/);
        assert.match(checkCluster(gkeNetworkPolicy, {}).violations[0], /networkPolicy\.enabled is absent/);
    });

    it("reports wrong types, and defers unknown values naming the field", () => {
        assertWrongType(checkCluster(gkeNetworkPolicy, { datapathProvider: 2 as unknown as string }), "datapathProvider", "a string", "number 2");
        assertWrongType(checkCluster(gkeNetworkPolicy, { networkPolicy: "on" as never }), "networkPolicy", "an object", 'string "on"');
        assertWrongType(checkCluster(gkeNetworkPolicy, { ...calico, addonsConfig: { networkPolicyConfig: { disabled: "no" as never } } }), "addonsConfig.networkPolicyConfig.disabled", "a boolean", 'string "no"');
        assertDeferred(checkCluster(gkeNetworkPolicy, { datapathProvider: unknownValue<string>("string") }), "datapathProvider");
        assertDeferred(checkCluster(gkeNetworkPolicy, { ...calico, addonsConfig: { networkPolicyConfig: { disabled: unknownValue<boolean>("bool") } } }), "addonsConfig.networkPolicyConfig.disabled");
    });
});
