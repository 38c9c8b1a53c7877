// The pack makes the SDK deserialise a request's props once for all policies (policies/core/deserialize-once).
// That is only sound if sharing changes no verdict and no policy writes to the shared props.
import * as assert from "assert";
import * as path from "path";
import "@pulumi/policy";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { readStacks } from "../../cli/inputs";
import { PolicyPackRunner } from "../../engine/runner";
import { encodeProperties, signatureKey } from "../../engine/wire";
import { AnalyzerCallError } from "../../engine/runner";
import { policies } from "../../policies";
import { deserializePropsOncePerRequest, maxErrorChars, sendable } from "../../policies/core/deserialize-once";
import { packDir, useRunner } from "../e2e";
import { checkResource, checkStack, hasStackPart } from "../harness";
import { pinnedConfig } from "../reference-date";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const sdkDeserialize = require("@pulumi/policy/deserialize") as {
    deserializeProperties(struct: Struct, proxySecrets: boolean): Record<string, unknown>;
};

const stacks = readStacks([path.join(packDir, "examples")]);
const struct = () => Struct.fromJavaScript(encodeProperties({ spec: { containers: [{ name: "app", image: "nginx" }] } }, { dryRun: true }) as never);

describe("deserialising props once per request", () => {
    describe("the SDK hook", () => {
        const original = sdkDeserialize.deserializeProperties;
        afterEach(() => {
            sdkDeserialize.deserializeProperties = original;
        });

        it("shares Analyze's plain props per request and leaves Remediate's secret-preserving path alone", () => {
            assert.strictEqual(deserializePropsOncePerRequest({}), true);
            const shared = sdkDeserialize.deserializeProperties;
            assert.notStrictEqual(shared, original);
            const request = struct();
            const first = shared(request, false);
            assert.strictEqual(shared(request, false), first, "a second policy of the same request gets the same props");
            assert.deepStrictEqual(first, original(request, false));
            assert.notStrictEqual(shared(struct(), false), first, "another request gets its own props");
            assert.notStrictEqual(shared(request, true), shared(request, true), "Remediate still deserialises afresh");
            assert.strictEqual(deserializePropsOncePerRequest({}), true);
            assert.strictEqual(sdkDeserialize.deserializeProperties, shared, "wrapped once, however often it is called");
        });

        it("can be turned off, and does nothing where the SDK is laid out differently", () => {
            assert.strictEqual(deserializePropsOncePerRequest({ CLUSTERGUARD_SDK_DESERIALIZE: "per-policy" }), false);
            assert.strictEqual(sdkDeserialize.deserializeProperties, original);
            sdkDeserialize.deserializeProperties = ((struct: Struct) => original(struct, false)) as typeof original;
            const unexpected = sdkDeserialize.deserializeProperties;
            assert.strictEqual(deserializePropsOncePerRequest({}), false, "a function of another shape is left alone");
            assert.strictEqual(sdkDeserialize.deserializeProperties, unexpected);
        });
    });

    it("passes the deserializer's errors on with a message gRPC can send: short, well-formed, frames kept", () => {
        const huge = new Error(`Unrecognized signature '${"x".repeat(100_000)}'`);
        const bounded = sendable(huge) as Error;
        assert.ok(bounded.message.length < maxErrorChars + 40 && bounded.message.endsWith("... (100025 characters)"), bounded.message.slice(-60));
        assert.deepStrictEqual(bounded.stack!.split("\n").slice(1), huge.stack!.split("\n").filter((l) => /^\s+at /.test(l)));
        assert.strictEqual((sendable(new Error("bad '\ud800'")) as Error).message, "bad '\ufffd'");
        const ordinary = new Error("Unrecognized signature 'x'");
        assert.strictEqual(sendable(ordinary), ordinary);
        assert.strictEqual(sendable("not an error"), "not an error");
    });

    // test/harness.ts hands every policy read-only props (test/read-only.ts); this runs all of them on
    // every example resource, and every stack part on every example stack, so any write fails here.
    it("no policy writes to the props it shares with the others", () => {
        const resourcePolicies = policies.filter((p): p is typeof p & ResourceValidationPolicy => "validateResource" in p);
        let runs = 0;
        for (const stack of stacks) {
            for (const r of [...stack.inputs, ...stack.outputs]) {
                for (const policy of resourcePolicies) {
                    checkResource(policy, r.type, r.props, { name: r.name, urn: r.urn });
                    runs++;
                }
            }
            for (const policy of policies.filter(hasStackPart)) {
                checkStack(policy, stack.outputs.length ? stack.outputs : stack.inputs);
                runs++;
            }
        }
        assert.ok(runs > 10_000, `${runs} runs`);
    });

    describe("Remediate, which deserialises before its try block", () => {
        const runner = useRunner({ all: "remediate" });

        it("fails the call naming the policy, instead of never answering, when the deserializer rejects the props", async () => {
            const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { hostPID: { [signatureKey]: "forged" }, containers: [{ name: "a", image: "nginx" }] } };
            await assert.rejects(runner().remediate({ type: "kubernetes:core/v1:Pod", name: "p", props: pod }), (e: unknown) => {
                assert.ok(e instanceof AnalyzerCallError);
                assert.match(e.detail, /Error remediating resource with remediation '[\w-]+' from policy pack 'cluster-guard@v[\d.]+':\nError: Unrecognized signature 'forged'/);
                return true;
            });
            // A props object the deserializer accepts is remediated as before.
            const ok = await runner().remediate({ type: "kubernetes:core/v1:Pod", name: "p", props: { ...pod, spec: { hostPID: true, containers: pod.spec.containers } } });
            assert.ok(ok.remediations.some((r) => r.properties));
        });
    });

    describe("through the engine runner, shared and per-policy give the same verdicts on every example", () => {
        const runners: Record<string, PolicyPackRunner> = {};
        before(async function () {
            this.timeout(180_000);
            for (const mode of ["once", "per-policy"]) {
                const saved = process.env.CLUSTERGUARD_SDK_DESERIALIZE;
                process.env.CLUSTERGUARD_SDK_DESERIALIZE = mode;
                try {
                    runners[mode] = await PolicyPackRunner.start({ packDir, config: pinnedConfig() });
                } finally {
                    if (saved === undefined) delete process.env.CLUSTERGUARD_SDK_DESERIALIZE;
                    else process.env.CLUSTERGUARD_SDK_DESERIALIZE = saved;
                }
            }
        });
        after(async () => {
            await Promise.all(Object.values(runners).map((r) => r.stop()));
        });

        it("answers a forged signature of 100,000 characters (gRPC could not send the SDK's whole message, and the call never ended)", async () => {
            const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { nodeName: { [signatureKey]: "x".repeat(100_000) } } };
            await assert.rejects(runners["once"].analyze({ type: "kubernetes:core/v1:Pod", name: "p", props: pod }), (e: unknown) => {
                assert.ok(e instanceof AnalyzerCallError);
                assert.match(e.detail, /Unrecognized signature 'x{900,}\.\.\. \(1000\d\d characters\)\n/);
                assert.match(e.detail, /@pulumi[\\/]policy[\\/]deserialize\.js/);
                return true;
            });
        });

        for (const stack of stacks) {
            it(path.relative(packDir, stack.source), async function () {
                this.timeout(120_000);
                const verdicts = async (runner: PolicyPackRunner) => {
                    const evaluation = await runner.evaluate(stack.inputs, stack.outputs.length ? stack.outputs : undefined);
                    return {
                        resources: evaluation.resources.map((r) => r.result),
                        stack: evaluation.stack,
                    };
                };
                const once = await verdicts(runners["once"]);
                assert.ok(once.resources.some((r) => r.diagnostics.length + (r.notApplicable?.length ?? 0) > 0));
                assert.deepStrictEqual(once, await verdicts(runners["per-policy"]));
            });
        }
    });
});
