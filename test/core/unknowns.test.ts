// Reading values that are unknown in a preview: look without throwing, render safely, and defer only
// what cannot be judged, naming the resource and the field.
import * as assert from "assert";
import { secretValue, unknownValue } from "../../engine/wire";
import { asBool, asDict, aws, isUnknown, knownPlain, peek, resourcePolicy, show, stackPolicy, typeName, wrongType } from "../../policies/core";
import { checkResource, checkStack, wireProps } from "../harness";

const meta = {
    description: "A probe with two independent checks.",
    severity: "low",
    enforcementLevel: "mandatory",
    tags: ["aws", "control-plane"],
    remediationSteps: "Set a and b.c to true.",
    appliesTo: aws.eksCluster,
} as const;

const twoFields = resourcePolicy<{ a?: unknown; b?: { c?: unknown } }>({
    ...meta,
    name: "eks-two-fields",
    validate: (props, ctx) => {
        ctx.judge(() => {
            if (asBool(props.a) !== true) ctx.violation("a", `is ${show(props.a)}`, "set a: true");
        });
        if (asBool(asDict(props.b)?.c) !== true) ctx.violation("b.c", "is not true", "set b.c: true");
    },
});

const cluster = "aws:eks/cluster:Cluster";

describe("core/unknowns", () => {
    it("treats a key named like the SDK's proxy-target key as data, not as a way to other fields", () => {
        const plain = { hostPID: true, __getSpecialProxyTarget: {} };
        assert.strictEqual(peek(plain, "hostPID"), true);
        assert.strictEqual(knownPlain({ a: { __getSpecialProxyTarget: {}, b: unknownValue("bool") } }), undefined);
        assert.match(show(plain), /"hostPID":true/);
        const props = wireProps({ spec: { hostPID: true, __getSpecialProxyTarget: {} } });
        assert.strictEqual(peek(peek(props, "spec"), "hostPID"), true);
    });

    it("hands out plain data only where nothing inside is unknown", () => {
        const props = wireProps({ known: { matchLabels: { app: "web" }, list: [1, { a: "b" }] }, partly: { matchLabels: { app: unknownValue("string") } } });
        const proxied = peek(props, "known") as Record<string, unknown>;
        const known = knownPlain(proxied);
        assert.strictEqual(known, proxied.__getSpecialProxyTarget, "the data behind the SDK's proxy");
        assert.deepStrictEqual(known, { matchLabels: { app: "web" }, list: [1, { a: "b" }] });
        assert.strictEqual(knownPlain(peek(props, "partly")), undefined);
        assert.strictEqual(knownPlain(unknownValue("object")), undefined);
        // An object with a prototype of its own (the SDK's deserializer makes one of a `__proto__` key):
        // a plain read would see inherited values the walk does not, so it is read through the proxy.
        assert.strictEqual(knownPlain({ spec: Object.create({ hostNetwork: unknownValue("bool") }) }), undefined);
        assert.ok(knownPlain({ spec: Object.create(null) }));
        assert.strictEqual(knownPlain("web"), "web");
        // Too large to check within the budget: read through the proxy instead.
        assert.strictEqual(knownPlain({ list: new Array(1_000_001).fill(0) }), undefined);
    });

    it("peeks at a value without throwing, and sees unknowns and own keys only", () => {
        const props = wireProps({ a: unknownValue("string"), b: { c: true }, list: [unknownValue("number"), 2] });
        assert.ok(isUnknown(peek(props, "a")));
        assert.strictEqual(peek(peek(props, "b"), "c"), true);
        assert.ok(isUnknown(peek(peek(props, "list"), 0)));
        assert.strictEqual(peek(peek(props, "list"), 1), 2);
        assert.strictEqual(peek(props, "missing"), undefined);
        assert.strictEqual(peek(props, "constructor"), undefined);
        assert.strictEqual(peek("text", "length"), undefined);
        assert.throws(() => (props as { a: unknown }).a, /can't be known during preview/);
    });

    it("renders values for messages: bounded, never throwing, unknowns named", () => {
        assert.strictEqual(show(undefined), "absent");
        assert.strictEqual(show("api"), '"api"');
        assert.strictEqual(show({ toString: {} }), '{"toString":{}}');
        assert.strictEqual(show(wireProps({ x: unknownValue("string") })), '{"x":(unknown until deploy)}');
        assert.strictEqual(show(peek(wireProps({ x: unknownValue("bool") }), "x")), "(unknown until deploy)");
        const long = show(Array.from({ length: 100_000 }, (_, i) => i));
        assert.ok(long.length <= 120 && long.endsWith("..."), long);
        const deep = show({ a: { b: { c: { d: { e: { f: 1 } } } } } });
        assert.strictEqual(deep, '{"a":{"b":{"c":{"d":{...}}}}}');
        assert.strictEqual(show(Number.NaN), "null");
    });

    it("names wrong types", () => {
        assert.strictEqual(typeName([]), "array");
        assert.strictEqual(typeName(null), "null");
        assert.strictEqual(wrongType("an array of strings", "api"), 'has the wrong type: expected an array of strings, found string "api"');
    });

    it("judges the known fields and defers only the unknown one, naming it", () => {
        const r = checkResource(twoFields, cluster, { a: unknownValue("bool"), b: { c: false } }, { name: "prod" });
        assert.deepStrictEqual(r.violations, ['Cluster "prod": b.c is not true. Fix: set b.c: true']);
        assert.match(r.unknown ?? "", /^Cluster "prod": a is computed from another resource; not known until deploy, so judged at `pulumi up`$/);
    });

    it("defers a field read outside a judged part, with array indices in the path", () => {
        const r = checkResource(twoFields, cluster, { a: true, b: unknownValue("object") }, { name: "prod" });
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /Cluster "prod": b is computed/);
        const inList = resourcePolicy<{ items?: { name?: string }[] }>({
            ...meta,
            name: "eks-list-probe",
            validate: (props) => void (props.items ?? []).map((i) => i.name),
        });
        assert.match(checkResource(inList, cluster, { items: [{ name: "x" }, { name: unknownValue("string") }] }).unknown ?? "", /items\[1\]\.name is computed/);
    });

    it("reads secrets as plain values and never defers them", () => {
        const r = checkResource(twoFields, cluster, { a: secretValue(true), b: { c: secretValue(true) } });
        assert.deepStrictEqual(r, { violations: [] });
    });

    it("defers per resource in a stack policy, keeping findings on the others", () => {
        const perResource = stackPolicy({
            ...meta,
            name: "eks-stack-probe",
            validateStack: (ctx) => {
                for (const c of ctx.ofType(aws.eksCluster)) {
                    ctx.judge(c, () => {
                        if (asBool(c.props.a) !== true) ctx.violation(c, "a", "is not true", "set a: true");
                    });
                }
            },
        });
        const r = checkStack(perResource, [
            { type: cluster, name: "one", props: { a: unknownValue("bool") } },
            { type: cluster, name: "two", props: { a: false } },
        ]);
        assert.deepStrictEqual(r.violations.map((v) => v.message), ['Cluster "two": a is not true. Fix: set a: true']);
        assert.match(r.unknown ?? "", /^Cluster "one": a is computed/);
    });
});
