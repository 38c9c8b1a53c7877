import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeNoKubernetesAlpha } from "../../policies/gcp/gke-no-kubernetes-alpha";
import { assertDeferred, assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-no-kubernetes-alpha", () => {
    it("passes the hardened clusters and an absent field (the default is off)", () => {
        assert.deepStrictEqual(checkCluster(gkeNoKubernetesAlpha, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeNoKubernetesAlpha, hardenedAutopilot()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeNoKubernetesAlpha, { enableKubernetesAlpha: false }).violations, []);
    });

    it("flags enableKubernetesAlpha: true, also given as a string", () => {
        assert.match(checkCluster(gkeNoKubernetesAlpha, { ...hardenedCluster(), enableKubernetesAlpha: true }, { name: "gke" }).violations[0], /^Cluster "gke": enableKubernetesAlpha is true/);
        assert.strictEqual(checkCluster(gkeNoKubernetesAlpha, { enableKubernetesAlpha: "true" as unknown as boolean }).violations.length, 1);
    });

    it("reports a wrong type, and defers an unknown value naming the field", () => {
        assertWrongType(checkCluster(gkeNoKubernetesAlpha, { enableKubernetesAlpha: 1 as unknown as boolean }), "enableKubernetesAlpha", "a boolean", "number 1");
        assertDeferred(checkCluster(gkeNoKubernetesAlpha, { enableKubernetesAlpha: unknownValue<boolean>("bool") }), "enableKubernetesAlpha");
    });
});
