// Issue 15 item 3: a `__proto__` key in the input must never become a prototype whose keys reach the
// pack as real fields (it smuggled an exemption annotation past k8s-pss-host-namespaces).
import * as assert from "assert";
import { resolveConfig } from "../../engine/config";
import { encodeProperties } from "../../engine/wire";
import { diagnosticsOf, packDir } from "../e2e";
import { PolicyPackRunner } from "../../engine/runner";

const exemptionAnnotation = { annotations: { "exempt.clusterguard.io/k8s-pss-host-namespaces": "smuggled" } };

/** A Pod sharing the node's PID namespace, parsed from JSON so `__proto__` is an own key, as a scan reads it. */
function hostPidPod(metadataExtra: string): object {
    return JSON.parse(
        `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "shop", ${metadataExtra}},
          "spec": {"hostPID": true, "containers": [{"name": "app", "image": "registry.example.com/app:1.0"}]}}`,
    ) as object;
}

describe("engine: keys named like prototype members are data, never prototypes", () => {
    it("encodes own keys only: a __proto__ key is dropped with its path and a reason, inherited keys are not sent", () => {
        const dropped: string[] = [];
        const inherited = Object.create({ hostPID: true }) as Record<string, unknown>;
        inherited.name = "x";
        const encoded = encodeProperties(
            { metadata: JSON.parse(`{"__proto__": ${JSON.stringify(exemptionAnnotation)}, "constructor": "c", "toString": {}}`), spec: inherited },
            { dryRun: true, onDroppedKey: (path, reason) => dropped.push(`${path}: ${reason}`) },
        );
        const metadata = encoded.metadata as Record<string, unknown>;
        assert.strictEqual(Object.getPrototypeOf(metadata), Object.prototype);
        assert.strictEqual(metadata.annotations, undefined);
        assert.deepStrictEqual(Object.keys(metadata), ["constructor", "toString"]);
        assert.deepStrictEqual(encoded.spec, { name: "x" });
        assert.strictEqual(dropped.length, 1);
        assert.match(dropped[0], /^metadata\.__proto__: a google\.protobuf\.Struct cannot carry/);
    });

    it("rejects a __proto__ key in policy config as an unknown setting instead of inheriting its settings", () => {
        const policy = { name: "p", enforcementLevel: "mandatory" as const, configSchema: { properties: { excludeNamespaces: { type: "array" } } } };
        assert.throws(() => resolveConfig([policy], {}, JSON.parse('{"p": {"__proto__": {"excludeNamespaces": ["*"]}}}')), /additional properties "__proto__"/);
    });

    describe("through the engine runner", () => {
        const dropped: string[] = [];
        let runner: PolicyPackRunner | undefined;
        before(async function () {
            this.timeout(120_000);
            runner = await PolicyPackRunner.start({ packDir, onDroppedKey: (urn, path) => dropped.push(`${urn} ${path}`) });
        });
        after(async () => runner?.stop());

        it("keeps the mandatory finding of a Pod whose metadata.__proto__ carries an exemption annotation", async () => {
            const result = await runner!.analyze({ type: "kubernetes:core/v1:Pod", name: "shop/p", props: hostPidPod(`"__proto__": ${JSON.stringify(exemptionAnnotation)}`) });
            const [finding] = diagnosticsOf(result, "k8s-pss-host-namespaces");
            assert.strictEqual(finding?.enforcementLevel, "mandatory");
            assert.match(finding.message, /spec\.hostPID is true/);
            assert.deepStrictEqual(dropped, ["urn:pulumi:dev::cluster-guard-scan::kubernetes:core/v1:Pod::shop/p metadata.__proto__"]);
        });

        it("carries constructor, prototype and toString keys as plain data without losing the finding", async () => {
            const result = await runner!.analyze({
                type: "kubernetes:core/v1:Pod",
                name: "shop/p",
                props: hostPidPod(`"constructor": ${JSON.stringify(exemptionAnnotation)}, "prototype": {"annotations": {}}, "toString": {}, "labels": {"toString": "x"}`),
            });
            assert.strictEqual(diagnosticsOf(result, "k8s-pss-host-namespaces")[0]?.enforcementLevel, "mandatory");
        });
    });
});
