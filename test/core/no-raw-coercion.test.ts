// Issue 15, "safe values everywhere": no policy, engine or CLI code coerces a raw value to text with
// `String(x)` or a template literal; messages use show() and the readers of policies/core.
import * as assert from "assert";
import * as path from "path";
import { findRawCoercions, type RawCoercion } from "./raw-coercion";

const sample = path.resolve(__dirname, "..", "..", "..", "test", "core", "raw-coercion-sample.ts");

describe("no raw coercion outside policies/core (TypeScript type checker)", function () {
    this.timeout(300_000);
    let found: RawCoercion[] = [];
    let inSample: RawCoercion[] = [];
    before(() => {
        found = findRawCoercions([sample]);
        inSample = found.filter((f) => f.where.startsWith("test/core/raw-coercion-sample.ts"));
    });

    it("finds every raw coercion of its sample, and none of the safe ones", () => {
        assert.deepStrictEqual(inSample.map((f) => f.text), ["pod.metadata?.name", "value", "value as string", "pod.spec"]);
    });

    it("policies, the engine runner and the CLI coerce no raw value", () => {
        const elsewhere = found.filter((f) => !inSample.includes(f));
        assert.deepStrictEqual(elsewhere.map((f) => `${f.where}: ${f.text} (${f.why})`), []);
    });
});
