// What keeps Analyze near the SDK's floor: one not-applicable error per type, config reused while the
// engine sends the same values, type sets that describe themselves, and the debugger release.
import * as assert from "assert";
import { execFileSync } from "child_process";
import * as path from "path";
import { anyOf, aws, azure, kubernetes, types, typesMatching } from "../../policies/core";
import { configReader } from "../../policies/core/config-reader";
import { releaseSdkDebugger } from "../../policies/core/debugger";
import { notApplicableToType } from "../../policies/core/not-applicable";

class NotApplicable extends Error {
    constructor(readonly reason?: string) {
        super(reason);
    }
}

describe("core hot path", () => {
    it("throws one error per type, with the SDK's reason, and none per call", () => {
        let made = 0;
        const sdkNotApplicable = (reason?: string): never => {
            made++;
            throw new NotApplicable(reason);
        };
        const thrown = (type: string) => {
            try {
                notApplicableToType(sdkNotApplicable, type);
            } catch (e) {
                return e as NotApplicable;
            }
            assert.fail("expected a throw");
        };
        const first = thrown("aws:eks/cluster:Cluster");
        assert.ok(first instanceof NotApplicable);
        assert.strictEqual(first.reason, "Policy does not apply to resources of type 'aws:eks/cluster:Cluster'");
        assert.strictEqual(thrown("aws:eks/cluster:Cluster"), first);
        assert.notStrictEqual(thrown("gcp:container/cluster:Cluster"), first);
        assert.strictEqual(made, 2);
    });

    it("reuses parsed config while every value is the same, and re-parses when one changes", () => {
        let parses = 0;
        const schema = { properties: { level: { type: "string" as const, default: "strict" }, names: { type: "array" as const, default: [] } } };
        const read = configReader("eks-probe", schema, (raw) => {
            parses++;
            return { level: String(raw.level) };
        });
        const names = ["a"];
        const first = read({ level: "strict", names });
        assert.strictEqual(read({ level: "strict", names }), first, "a fresh copy of the same values");
        assert.strictEqual(parses, 1);
        assert.notStrictEqual(read({ level: "strict", names: ["a"] }), first, "a new array is new config");
        assert.strictEqual(read({ level: "lenient", names }).level, "lenient");
        assert.strictEqual(read({ level: "lenient" }).level, "lenient", "a key fewer is new config");
        assert.strictEqual(parses, 4);
        assert.throws(() => read({ levle: "x" }), /unknown key\(s\) levle/);
    });

    it("describes each type set by its tokens and patterns", () => {
        assert.deepStrictEqual(aws.eksCluster.tokens, ["aws:eks/cluster:Cluster"]);
        assert.strictEqual(aws.eksCluster.single, "aws:eks/cluster:Cluster");
        const merged = anyOf(aws.eksCluster, azure.managedCluster, kubernetes.namespace);
        assert.strictEqual(merged.single, undefined);
        assert.deepStrictEqual(merged.tokens, ["aws:eks/cluster:Cluster", "kubernetes:core/v1:Namespace", "kubernetes:core/v1:NamespacePatch"]);
        assert.strictEqual(merged.patterns.length, 1);
        for (const type of ["aws:eks/cluster:Cluster", "azure-native:containerservice/v20250702preview:ManagedCluster", "kubernetes:core/v1:NamespacePatch"]) {
            assert.ok(merged.has(type), type);
        }
        assert.ok(!merged.has("aws:eks/nodeGroup:NodeGroup"));
        assert.strictEqual(anyOf(types("a:b:C"), types("a:b:C")).single, "a:b:C");
        assert.ok(kubernetes.anyObject.has("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition"));
        assert.ok(!typesMatching(/^kubernetes:/, "kubernetes:*").has("aws:eks/cluster:Cluster"));
    });

    it("gives the same pattern verdicts when asked again, past the number of types it remembers", () => {
        const set = anyOf(azure.managedCluster, types("aws:eks/cluster:Cluster"));
        for (let round = 0; round < 2; round++) {
            for (let i = 0; i < 3000; i++) {
                assert.strictEqual(set.has(`azure-native:containerservice/v${i}:ManagedCluster`), true);
                assert.strictEqual(set.has(`azure-native:containerservice/v${i}:AgentPool`), false);
            }
            assert.strictEqual(set.has("aws:eks/cluster:Cluster"), true);
            assert.strictEqual(set.has("azure-native:containerservice:ManagedCluster"), true);
        }
    });

    it("releases the debugger only where run-policy-pack opened one, and is harmless elsewhere", () => {
        // In the test process no v8Hooks module is loaded: nothing to release, nothing opened.
        assert.doesNotThrow(() => releaseSdkDebugger());
        assert.ok(!Object.keys(require.cache).some((f) => f.endsWith("v8Hooks.js")), "the release must not load the SDK's hooks");
    });

    it("disconnects the inspector session that the SDK's v8Hooks opened, as run-policy-pack starts a pack", () => {
        // In a child process: the session is process-wide.
        const script = `
            const hooks = require("@pulumi/pulumi/runtime/closure/v8Hooks");
            hooks.isInitializedAsync().then(async () => {
                const session = await hooks.getSessionAsync();
                require(${JSON.stringify(path.resolve(__dirname, "../../policies/core/debugger"))}).releaseSdkDebugger();
                setTimeout(() => {
                    try { session.post("Runtime.evaluate", { expression: "1" }); console.log("connected"); }
                    catch (e) { console.log(e.code); }
                }, 50);
            });`;
        assert.strictEqual(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim(), "ERR_INSPECTOR_NOT_CONNECTED");
    });
});
