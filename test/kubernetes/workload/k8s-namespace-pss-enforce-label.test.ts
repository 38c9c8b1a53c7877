import * as assert from "assert";
import type { NamespaceArgs } from "@pulumi/kubernetes/core/v1/namespace";
import { unknownValue } from "../../../engine/wire";
import { k8sNamespacePssEnforceLabel as policy } from "../../../policies/kubernetes/workload/k8s-namespace-pss-enforce-label";
import { checkResource } from "../../harness";

const type = "kubernetes:core/v1:Namespace";
const ns = (labels?: Record<string, string>): NamespaceArgs => ({ apiVersion: "v1", kind: "Namespace", metadata: { name: "shop", ...(labels ? { labels } : {}) } });
const key = "pod-security.kubernetes.io/enforce";

describe("k8s-namespace-pss-enforce-label", () => {
    it("passes restricted and baseline", () => {
        assert.deepStrictEqual(checkResource(policy, type, ns({ [key]: "restricted" })).violations, []);
        assert.deepStrictEqual(checkResource(policy, type, ns({ [key]: "baseline" })).violations, []);
    });

    it("flags an absent label, privileged, and values that are no level", () => {
        assert.match(checkResource(policy, type, ns()).violations[0], /^Namespace "shop": metadata\.labels\["pod-security\.kubernetes\.io\/enforce"\] is absent, and Pod Security Admission then applies the cluster default/);
        assert.match(checkResource(policy, type, ns({ [key + "-version"]: "latest" })).violations[0], /is absent/);
        assert.match(checkResource(policy, type, ns({ [key]: "privileged" })).violations[0], /is "privileged", below the required "baseline"/);
        assert.match(checkResource(policy, type, ns({ [key]: "Restricted" })).violations[0], /is "Restricted", which is not a Pod Security level/);
    });

    it("raises the bar with minimumLevel, and rejects other values", () => {
        assert.match(checkResource(policy, type, ns({ [key]: "baseline" }), { config: { minimumLevel: "restricted" } }).violations[0], /below the required "restricted"/);
        assert.throws(() => checkResource(policy, type, ns(), { config: { minimumLevel: "privileged" } }), /minimumLevel/);
    });

    it("matches the Patch variant, skips other types, survives odd shapes, leaves unknowns to the SDK", () => {
        assert.strictEqual(checkResource(policy, "kubernetes:core/v1:NamespacePatch", ns()).violations.length, 1);
        assert.ok(checkResource(policy, "kubernetes:apps/v1:Deployment", ns()).notApplicable);
        assert.strictEqual(checkResource(policy, type, { metadata: { labels: "x" } }).violations.length, 1);
        assert.ok(checkResource(policy, type, { metadata: { name: "shop", labels: unknownValue("object") } }).unknown);
    });

    it("honours excludeNamespaces for the Namespace itself", () => {
        assert.match(checkResource(policy, type, ns(), { config: { excludeNamespaces: ["shop"] } }).notApplicable ?? "", /excludeNamespaces/);
    });
});
