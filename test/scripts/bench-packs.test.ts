// `npm run bench` compares three packs; each must start and answer as the bench assumes, or the
// figures compare nothing. (Timing is the bench's job; this only checks the packs' verdicts.)
import * as assert from "assert";
import * as path from "path";
import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import { PolicyPackRunner } from "../../engine/runner";
import { policies } from "../../policies";
import { clusterGuardPack, floorPack, noopPack, repoRoot, shapesOf } from "../../scripts/bench/packs";

const cluster: ClusterArgs = { roleArn: "arn", vpcConfig: { subnetIds: ["s"], endpointPublicAccess: true } };
const resource = { type: "aws:eks/cluster:Cluster", name: "prod", props: cluster };

async function analyzeWith(packDir: string) {
    const runner = await PolicyPackRunner.start({ packDir });
    try {
        return { info: runner.info, result: await runner.analyze(resource) };
    } finally {
        await runner.stop();
    }
}

describe("the bench's packs", function () {
    this.timeout(180_000);

    it("ClusterGuard as installed (the bundle, its dependencies external) judges as the pack does", async () => {
        const { info, result } = await analyzeWith(clusterGuardPack());
        assert.strictEqual(info.policies.length, policies.length);
        assert.ok(result.diagnostics.some((d) => d.policyName === "eks-endpoint-private"));
    });

    // sdk-experiments runs this layout over a patched copy of @pulumi/policy; its index must find the SDK fixes it loads.
    it("ClusterGuard over another node_modules (the compiled pack copied, the SDK fixes loaded from the copy) judges as the pack does", async () => {
        const dir = clusterGuardPack({ releaseDebugger: true, deserializeOnce: true, typeFilter: true, nodeModules: path.join(repoRoot, "node_modules"), variant: "test" });
        const { info, result } = await analyzeWith(dir);
        assert.strictEqual(info.policies.length, policies.length);
        assert.ok(result.diagnostics.some((d) => d.policyName === "eks-endpoint-private"));
    });

    it("the floor pack has ClusterGuard's policies and finds nothing; the no-op pack has two policies", async () => {
        const floor = await analyzeWith(floorPack(shapesOf(policies), { releaseDebugger: true, deserializeOnce: true }));
        assert.deepStrictEqual(floor.info.policies.map((p) => p.name).sort(), policies.map((p) => p.name).sort());
        assert.deepStrictEqual(floor.result.diagnostics, []);
        assert.ok(floor.result.notApplicable.some((n) => n.policyName === "k8s-no-privileged-containers"));
        const noop = await analyzeWith(noopPack());
        assert.deepStrictEqual(noop.info.policies.map((p) => p.name), ["noop-resource", "noop-stack"]);
        assert.deepStrictEqual(noop.result.diagnostics, []);
    });
});
