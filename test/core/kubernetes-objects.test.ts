import * as assert from "assert";
import { labelsOf, labelSelectorMatches, namespaceOf } from "../../policies/core";

describe("core/kubernetes-objects", () => {
    const labels = { app: "web", tier: "front" };

    it("reads the namespace, defaulting absent or empty to default", () => {
        assert.strictEqual(namespaceOf({ metadata: { namespace: "shop" } }), "shop");
        assert.strictEqual(namespaceOf({ metadata: { namespace: "" } }), "default");
        assert.strictEqual(namespaceOf({ metadata: {} }), "default");
        assert.strictEqual(namespaceOf("nope"), "default");
    });

    it("keeps only string labels", () => {
        assert.deepStrictEqual(labelsOf({ app: "web", replicas: 3, on: true }), { app: "web" });
        assert.deepStrictEqual(labelsOf(["app"]), {});
    });

    it("matches selectors with Kubernetes semantics", () => {
        assert.strictEqual(labelSelectorMatches(undefined, labels), true);
        assert.strictEqual(labelSelectorMatches({}, labels), true);
        assert.strictEqual(labelSelectorMatches({ matchLabels: { app: "web" } }, labels), true);
        assert.strictEqual(labelSelectorMatches({ matchLabels: { app: "api" } }, labels), false);
        assert.strictEqual(labelSelectorMatches({ matchExpressions: [{ key: "tier", operator: "NotIn", values: ["front"] }] }, labels), false);
        assert.strictEqual(labelSelectorMatches({ matchExpressions: [{ key: "env", operator: "DoesNotExist" }] }, labels), true);
    });

    it("matches nothing with a selector the API server would reject", () => {
        assert.strictEqual(labelSelectorMatches("app=web", labels), false);
        assert.strictEqual(labelSelectorMatches({ matchLabels: ["app"] }, labels), false);
        assert.strictEqual(labelSelectorMatches({ matchExpressions: "tier" }, labels), false);
        assert.strictEqual(labelSelectorMatches({ matchExpressions: [{ operator: "Exists" }] }, labels), false);
        assert.strictEqual(labelSelectorMatches({ matchExpressions: [{ key: "tier", operator: "Near" }] }, labels), false);
    });
});
