import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { labelsOf, labelSelectorMatches, namespaceOf, UnknownValueError } from "../../policies/core";
import { wireProps } from "../harness";

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

    it("matches a selector read through the SDK's proxy, and reports an unknown only where matching reaches it", () => {
        const props = wireProps({
            known: { matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["front"] }] },
            partly: { matchLabels: { app: "api" }, matchExpressions: [{ key: "tier", operator: "In", values: unknownValue("array") }] },
        });
        assert.strictEqual(labelSelectorMatches(props.known, labels), true);
        assert.strictEqual(labelSelectorMatches(props.known, { app: "web" }), false);
        // matchLabels already rules the pod out: the unknown values are never needed.
        assert.strictEqual(labelSelectorMatches(props.partly, labels), false);
        assert.throws(() => labelSelectorMatches(props.partly, { app: "api", tier: "front" }), (e: Error) => e instanceof UnknownValueError && /partly\.matchExpressions\.0\.values/.test(e.message));
    });

    it("matches nothing with a selector the API server would reject", () => {
        assert.strictEqual(labelSelectorMatches("app=web", labels), false);
        assert.strictEqual(labelSelectorMatches({ matchLabels: ["app"] }, labels), false);
        assert.strictEqual(labelSelectorMatches({ matchExpressions: "tier" }, labels), false);
        assert.strictEqual(labelSelectorMatches({ matchExpressions: [{ operator: "Exists" }] }, labels), false);
        assert.strictEqual(labelSelectorMatches({ matchExpressions: [{ key: "tier", operator: "Near" }] }, labels), false);
    });
});
