import * as assert from "assert";
import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import { PolicyPackRunner, AnalyzerCallError } from "../../engine/runner";
import { resourceReference, secretValue, signatureKey, unknownValue, wellFormed } from "../../engine/wire";
import { policies } from "../../policies";
import { everyWorkload } from "../fixtures/workloads";
import { diagnosticsOf, packDir, policiesReported, useRunner } from "../e2e";

describe("engine runner (end to end, compiled pack via run-policy-pack)", () => {
    describe("with default config", () => {
        const runner = useRunner();

        it("GetAnalyzerInfo lists every policy with severity, tags, framework and remediation", () => {
            const info = runner().info;
            assert.strictEqual(info.name, "cluster-guard");
            assert.deepStrictEqual(info.policies.map((p) => p.name).sort(), policies.map((p) => p.name).sort());
            for (const p of info.policies) {
                assert.ok(p.severity, `${p.name} severity`);
                assert.ok(p.tags.length >= 2, `${p.name} tags`);
                assert.ok(p.remediationSteps, `${p.name} remediation`);
                assert.ok(p.configSchema?.properties?.excludeResourceNames, `${p.name} exemption config`);
            }
            assert.strictEqual(info.policies.find((p) => p.name === "eks-endpoint-private")?.framework?.reference, "5.4.2");
        });

        it("reports a mandatory violation with severity and URN for an insecure resource", async () => {
            const cluster: ClusterArgs = { roleArn: "arn", vpcConfig: { subnetIds: ["s"], endpointPublicAccess: true } };
            const result = await runner().analyze({ type: "aws:eks/cluster:Cluster", name: "prod", props: cluster });
            const [d] = diagnosticsOf(result, "eks-endpoint-private");
            assert.strictEqual(d.enforcementLevel, "mandatory");
            assert.strictEqual(d.severity, "high");
            assert.strictEqual(d.urn, "urn:pulumi:dev::cluster-guard-scan::aws:eks/cluster:Cluster::prod");
            assert.match(d.message, /Cluster "prod": vpcConfig\.endpointPublicAccess is true/);
            assert.ok(result.notApplicable.some((n) => n.policyName === "k8s-no-privileged-containers"));
        });

        it("decodes secrets, and turns unknowns into an advisory preview note instead of a crash", async () => {
            const cluster: ClusterArgs = {
                roleArn: "arn",
                vpcConfig: { subnetIds: [resourceReference("urn:pulumi:dev::p::aws:ec2/subnet:Subnet::a") as string], endpointPublicAccess: secretValue(false) },
            };
            const clean = await runner().analyze({ type: "aws:eks/cluster:Cluster", name: "secret", props: cluster });
            assert.deepStrictEqual(diagnosticsOf(clean, "eks-endpoint-private"), []);
            const unknown = { ...cluster, vpcConfig: { subnetIds: ["s"], endpointPublicAccess: unknownValue<boolean>("bool") } };
            const preview = await runner().analyze({ type: "aws:eks/cluster:Cluster", name: "unknown", props: unknown });
            const [d] = diagnosticsOf(preview, "eks-endpoint-private");
            assert.strictEqual(d.enforcementLevel, "advisory");
            assert.match(
                d.message,
                /can't run policy 'eks-endpoint-private' from policy pack 'cluster-guard@v[\d.]+' during preview: Cluster "unknown": vpcConfig\.endpointPublicAccess is computed from another resource; not known until deploy, so judged at `pulumi up`/,
            );
            // The other policies still judge the known fields of the same resource.
            assert.strictEqual(diagnosticsOf(preview, "eks-private-access-enabled")[0].enforcementLevel, "mandatory");
        });

        it("sends a lone surrogate as U+FFFD, as the engine does, so even the SDK's error about it is answered", async () => {
            assert.strictEqual(wellFormed("a\ud800b\udc00"), "a\ufffdb\ufffd");
            assert.strictEqual(wellFormed("\ud83d\ude00"), "\ud83d\ude00");
            // A forged secret signature: the SDK rejects it with a message that quotes the signature,
            // which grpc-js could not put in a status trailer if it held a lone surrogate (the call never ended).
            const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", labels: { [signatureKey]: "\ud800" } }, spec: { containers: [{ name: "a", image: "nginx" }] } };
            await assert.rejects(runner().analyze({ type: "kubernetes:core/v1:Pod", name: "p", props: pod }), (e: unknown) => {
                assert.ok(e instanceof AnalyzerCallError);
                assert.match(e.message, /Unrecognized signature '\ufffd'/);
                return true;
            });
        });

        it("analyzes every workload kind, then the stack", async () => {
            const workloads = everyWorkload({ containers: [{ name: "app", securityContext: { privileged: true } }] });
            const evaluation = await runner().evaluate(workloads.map((w, i) => ({ type: w.type, name: `w${i}`, props: w.props })));
            for (const r of evaluation.resources) {
                // Other workload policies report on these bare fixtures too; this one must be among them.
                assert.ok(policiesReported(r.result).includes("k8s-no-privileged-containers"), r.resource.type);
            }
        });
    });

    describe("with a --policy-pack-config file", () => {
        const runner = useRunner({ all: "advisory", "k8s-no-privileged-containers": { enforcementLevel: "mandatory", excludeNamespaces: ["kube-system"] } });

        it("applies `all`, per-policy levels and exemption config", async () => {
            const [privileged] = everyWorkload({ containers: [{ name: "app", securityContext: { privileged: true } }] }, { name: "agent", namespace: "kube-system" });
            const exempt = await runner().analyze({ type: privileged.type, name: "agent", props: privileged.props });
            assert.deepStrictEqual(diagnosticsOf(exempt, "k8s-no-privileged-containers"), []);
            assert.match(exempt.notApplicable.find((n) => n.policyName === "k8s-no-privileged-containers")?.reason ?? "", /excludeNamespaces/);
            const cluster = await runner().analyze({ type: "aws:eks/cluster:Cluster", name: "c", props: {} });
            assert.strictEqual(diagnosticsOf(cluster, "eks-endpoint-private")[0].enforcementLevel, "advisory");
        });
    });

    it("rejects invalid config with a clear error before analyzing", async () => {
        await assert.rejects(
            PolicyPackRunner.start({ packDir, config: { "k8s-no-privileged-containers": { excludeNamespaces: "kube-system" } } }),
            /config for policy "k8s-no-privileged-containers" is invalid: \/excludeNamespaces must be array/,
        );
        await assert.rejects(PolicyPackRunner.start({ packDir, config: { "no-such-policy": "advisory" } }), /unknown policy "no-such-policy"/);
        await assert.rejects(PolicyPackRunner.start({ packDir, config: { all: "loud" } }), /enforcement level must be one of/);
    });

    it("notices a pack that died, fails calls with the gRPC status, and stops cleanly after a kill by signal", async function () {
        this.timeout(120_000);
        const runner = await PolicyPackRunner.start({ packDir });
        assert.strictEqual(runner.exited, false);
        process.kill(runner.pid!, "SIGKILL");
        await assert.rejects(runner.analyze({ type: "aws:eks/cluster:Cluster", name: "c", props: {} }), (e: AnalyzerCallError) => e instanceof AnalyzerCallError && e.code === 14);
        while (!runner.exited) await new Promise((resolve) => setTimeout(resolve, 20));
        await runner.stop();
    });
});
