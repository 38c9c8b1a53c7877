import * as assert from "assert";
import type { LimitRangeArgs } from "@pulumi/kubernetes/core/v1/limitRange";
import type { NamespaceArgs } from "@pulumi/kubernetes/core/v1/namespace";
import type { ResourceQuotaArgs } from "@pulumi/kubernetes/core/v1/resourceQuota";
import { unknownValue } from "../../../engine/wire";
import { k8sNamespaceQuotaAndLimits as policy } from "../../../policies/kubernetes/workload/k8s-namespace-quota-and-limits";
import { everyWorkload } from "../../fixtures/workloads";
import { checkStack, type StackResourceInput } from "../../harness";
import { deployment } from "../network/fixtures";

const namespace = (name: string): StackResourceInput => ({ type: "kubernetes:core/v1:Namespace", name: `ns-${name}`, props: { apiVersion: "v1", kind: "Namespace", metadata: { name } } satisfies NamespaceArgs });
const quota = (ns?: string): StackResourceInput => ({
    type: "kubernetes:core/v1:ResourceQuota",
    name: `quota-${ns}`,
    props: { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "q", ...(ns ? { namespace: ns } : {}) }, spec: { hard: { pods: "10" } } } satisfies ResourceQuotaArgs,
});
const limits = (ns?: string): StackResourceInput => ({
    type: "kubernetes:core/v1:LimitRange",
    name: `limits-${ns}`,
    props: { apiVersion: "v1", kind: "LimitRange", metadata: { name: "l", ...(ns ? { namespace: ns } : {}) }, spec: { limits: [{ type: "Container", default: { memory: "256Mi" } }] } } satisfies LimitRangeArgs,
});

describe("k8s-namespace-quota-and-limits", () => {
    it("passes a namespace with both", () => {
        assert.deepStrictEqual(checkStack(policy, [namespace("shop"), deployment("web", "shop", { app: "web" }), quota("shop"), limits("shop")]).violations, []);
    });

    it("reports on the Namespace object when the stack has it", () => {
        const r = checkStack(policy, [namespace("shop"), deployment("web", "shop", { app: "web" }), quota("shop")]);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0].message, /^Namespace "shop": metadata\.name names namespace "shop", which has no LimitRange in the stack/);
    });

    it("reports on each workload when the namespace is not in the stack, for every kind", () => {
        const workloads = everyWorkload({ containers: [{ name: "app" }] }).map((w, i) => ({ type: w.type, name: `w${i}`, props: w.props }));
        const r = checkStack(policy, workloads);
        assert.strictEqual(r.violations.length, workloads.length);
        assert.ok(r.violations.every((v) => /metadata\.namespace is namespace "shop", which has no ResourceQuota and no LimitRange/.test(v.message)));
    });

    it("flags a Namespace object without workloads, and quotas elsewhere do not count", () => {
        const r = checkStack(policy, [namespace("empty"), quota("shop"), limits("shop")]);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0].message, /namespace "empty"/);
    });

    it("places objects without namespace in \"default\"", () => {
        assert.deepStrictEqual(checkStack(policy, [deployment("web", undefined, { app: "web" }), quota(), limits()]).violations, []);
    });

    it("is not applicable without namespaces or workloads, survives odd shapes, leaves unknowns to the SDK", () => {
        assert.ok(checkStack(policy, [quota("shop")]).notApplicable);
        assert.strictEqual(checkStack(policy, [{ type: "kubernetes:core/v1:Namespace", name: "odd", props: { apiVersion: "v1", kind: "Namespace", metadata: "x" } }]).violations.length, 0);
        const floating = { ...quota("shop"), props: { apiVersion: "v1", kind: "ResourceQuota", metadata: { namespace: unknownValue("string") } } };
        const r = checkStack(policy, [namespace("shop"), limits("shop"), floating]);
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /^ResourceQuota "quota-shop": metadata\.namespace is computed/);
    });

    it("places objects whose namespace is computed from a Namespace by property dependency", () => {
        const ns = { ...namespace("shop"), urn: "urn:ns" };
        const linked = (r: StackResourceInput): StackResourceInput => ({ ...r, props: { ...r.props, metadata: { name: "x", namespace: unknownValue("string") } }, propertyDependencies: { metadata: ["urn:ns"] } });
        assert.deepStrictEqual(checkStack(policy, [ns, linked(quota("shop")), linked(limits("shop"))]), { violations: [] });
        const r = checkStack(policy, [ns, linked(quota("shop"))]);
        assert.deepStrictEqual(r.violations.map((v) => v.message), ['Namespace "shop": metadata.name names namespace "shop", which has no LimitRange in the stack, so its pods\' total resource use is unbounded. Fix: add a LimitRange in namespace "shop"']);
    });
});
