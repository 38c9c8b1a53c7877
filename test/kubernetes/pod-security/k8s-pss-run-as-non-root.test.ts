import * as assert from "assert";
import { k8sPssRunAsNonRoot as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-run-as-non-root";
import { patchWorkloads } from "../../fixtures/workloads";
import { checkResource } from "../../harness";
import { assertBoundary, assertFails, assertPasses, sharedCases, variant, violations } from "./pss-fixtures";

const noPodLevel = (s: Record<string, any>) => delete s.securityContext.runAsNonRoot;

describe("k8s-pss-run-as-non-root", () => {
    sharedCases(policy, variant((s) => (s.securityContext.runAsNonRoot = false)), /securityContext\.runAsNonRoot is false at pod level; allowed: true/);

    it("accepts true on every container instead of the pod", () => {
        assertPasses(policy, variant(noPodLevel), "v1.0");
    });

    it("flags a container that does not set it when the pod does not, naming each one", () => {
        const implicit = variant((s) => { noPodLevel(s); delete s.initContainers[0].securityContext.runAsNonRoot; });
        assertFails(policy, implicit, /initContainers\[0\]\.securityContext\.runAsNonRoot is absent on init container "setup" and .*securityContext\.runAsNonRoot is absent, so the image may run as root/, "v1.0");
        assert.strictEqual(violations(policy, variant((s) => { noPodLevel(s); delete s.containers[0].securityContext; })).length, 1);
    });

    it("flags a container that sets false even when the pod sets true", () => {
        assertFails(policy, variant((s) => (s.ephemeralContainers[0].securityContext.runAsNonRoot = false)), /ephemeral container "debug"/);
    });

    it("allows any value with hostUsers: false from v1.35 only", () => {
        const userNs = variant((s) => { s.hostUsers = false; s.securityContext.runAsNonRoot = false; });
        assertBoundary(policy, userNs, "v1.34", "v1.35", /runAsNonRoot is false/);
        assertFails(policy, variant((s) => { s.hostUsers = true; s.securityContext.runAsNonRoot = false; }), /runAsNonRoot is false/);
    });

    it("judges only what a Patch sets: absent passes, false fails", () => {
        for (const w of patchWorkloads({ containers: [{ name: "app", image: "x" }] })) assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, [], w.kind);
        for (const w of patchWorkloads({ securityContext: { runAsNonRoot: false } })) assert.strictEqual(checkResource(policy, w.type, w.props).violations.length, 1, w.kind);
    });

    it("has no remediation: setting runAsNonRoot can break images", () => {
        assert.strictEqual(policy.remediateResource, undefined);
    });
});
