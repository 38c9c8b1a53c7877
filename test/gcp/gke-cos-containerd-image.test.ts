import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeCosContainerdImage } from "../../policies/gcp/gke-cos-containerd-image";
import { assertDeferred, assertWrongType, checkCluster, checkPool, clusterWithDefaultPool, hardenedAutopilot, hardenedCluster, hardenedPool } from "./fixtures";

describe("gke-cos-containerd-image", () => {
    it("passes COS_CONTAINERD, the absent field (the default), and Windows pools", () => {
        assert.deepStrictEqual(checkPool(gkeCosContainerdImage, hardenedPool()).violations, []);
        assert.deepStrictEqual(checkPool(gkeCosContainerdImage, { cluster: "c" }).violations, []);
        assert.deepStrictEqual(checkPool(gkeCosContainerdImage, { cluster: "c", nodeConfig: { imageType: "WINDOWS_LTSC_CONTAINERD" } }).violations, []);
    });

    it("is advisory, and not applicable to Autopilot or a cluster whose default pool is removed", () => {
        assert.strictEqual(gkeCosContainerdImage.enforcementLevel, "advisory");
        assert.ok(checkCluster(gkeCosContainerdImage, hardenedAutopilot()).notApplicable);
        assert.ok(checkCluster(gkeCosContainerdImage, hardenedCluster()).notApplicable);
    });

    it("flags Ubuntu on a NodePool and a default pool", () => {
        assert.match(checkPool(gkeCosContainerdImage, { cluster: "c", nodeConfig: { imageType: "UBUNTU_CONTAINERD" } }).violations[0], /nodeConfig\.imageType is "UBUNTU_CONTAINERD"/);
        assert.strictEqual(checkCluster(gkeCosContainerdImage, clusterWithDefaultPool({ imageType: "UBUNTU_CONTAINERD" })).violations.length, 1);
    });

    it("reports a wrong type, and defers an unknown image naming the field", () => {
        assertWrongType(checkPool(gkeCosContainerdImage, { cluster: "c", nodeConfig: { imageType: 1 as unknown as string } }), "nodeConfig.imageType", "a string", "number 1", 'NodePool "test"');
        assertDeferred(checkPool(gkeCosContainerdImage, { cluster: "c", nodeConfig: { imageType: unknownValue<string>("string") } }), "nodeConfig.imageType", 'NodePool "test"');
    });
});
