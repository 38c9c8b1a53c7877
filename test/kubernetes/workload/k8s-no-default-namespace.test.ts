import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sNoDefaultNamespace as policy } from "../../../policies/kubernetes/workload/k8s-no-default-namespace";
import { everyWorkload, patchWorkloads } from "../../fixtures/workloads";
import { checkResource, checkStack } from "../../harness";

const spec = { containers: [{ name: "app", image: "a:1" }] };

describe("k8s-no-default-namespace", () => {
    for (const w of [...everyWorkload(spec), ...patchWorkloads(spec)]) {
        it(`passes a ${w.kind} in its own namespace`, () => {
            assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, []);
        });
        const kind = w.kind;
        it(`flags a ${kind} without namespace and in "default"`, () => {
            const absent = [...everyWorkload(spec, { name: "web" }), ...patchWorkloads(spec, { name: "web" })].find((x) => x.kind === kind)!;
            assert.match(checkResource(policy, absent.type, absent.props).violations[0], /metadata\.namespace is absent, and the workload then lands in the provider's default namespace, "default"/);
            const explicit = [...everyWorkload(spec, { name: "web", namespace: "default" }), ...patchWorkloads(spec, { name: "web", namespace: "default" })].find((x) => x.kind === kind)!;
            assert.match(checkResource(policy, explicit.type, explicit.props).violations[0], /metadata\.namespace is "default"/);
        });
    }

    it("treats an empty namespace as absent, ignores other types, leaves unknowns to the SDK", () => {
        assert.strictEqual(checkResource(policy, "kubernetes:core/v1:Pod", { metadata: { namespace: " " } }).violations.length, 1);
        assert.ok(checkResource(policy, "kubernetes:core/v1:Service", {}).notApplicable);
    });

    describe("a namespace computed from a Namespace (unknown in a preview)", () => {
        const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: unknownValue<string>("string") }, spec };
        const workload = { type: "kubernetes:core/v1:Pod", name: "p", props: pod, propertyDependencies: { metadata: ["urn:ns"] } };
        const ns = (name: unknown) => ({ type: "kubernetes:core/v1:Namespace", name: "ns", urn: "urn:ns", props: { apiVersion: "v1", kind: "Namespace", metadata: { name } } });

        it("is left to AnalyzeStack at Analyze: no finding, no deferral", () => {
            assert.deepStrictEqual(checkResource(policy, workload.type, pod), { violations: [] });
        });

        it("links to the Namespace by property dependency: its name decides", () => {
            assert.deepStrictEqual(checkStack(policy, [workload, ns("shop")]), { violations: [] });
            assert.match(checkStack(policy, [workload, ns("default")]).violations[0]?.message ?? "", /^Pod "p": metadata\.namespace is computed from Namespace "default"/);
            assert.match(checkStack(policy, [workload, ns(unknownValue("string"))]).unknown ?? "", /^Namespace "ns": metadata\.name is computed/);
            assert.match(checkStack(policy, [{ ...workload, propertyDependencies: {} }]).unknown ?? "", /^Pod "p": metadata\.namespace is computed/);
        });

        it("judges known namespaces at Analyze only", () => {
            const known = { type: "kubernetes:core/v1:Pod", name: "q", props: { apiVersion: "v1", kind: "Pod", metadata: { name: "q" }, spec } };
            assert.deepStrictEqual(checkStack(policy, [known]), { violations: [] });
        });
    });
});
