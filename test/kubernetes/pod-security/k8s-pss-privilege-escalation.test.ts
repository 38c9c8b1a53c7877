import * as assert from "assert";
import { k8sPssPrivilegeEscalation as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-privilege-escalation";
import { everyWorkload, patchWorkloads } from "../../fixtures/workloads";
import { checkResource, remediate } from "../../harness";
import { assertBoundary, assertFails, assertPasses, sharedCases, variant } from "./pss-fixtures";

describe("k8s-pss-privilege-escalation", () => {
    const absent = variant((s) => delete s.ephemeralContainers[0].securityContext.allowPrivilegeEscalation);
    sharedCases(policy, absent, /ephemeralContainers\[0\]\.securityContext\.allowPrivilegeEscalation is absent on ephemeral container "debug", and Linux then lets its processes gain privileges \(setuid\); allowed: false/);

    it("starts at v1.8", () => {
        assertBoundary(policy, absent, "v1.8", "v1.7", /allowPrivilegeEscalation/);
    });

    it("flags true and a missing securityContext", () => {
        assertFails(policy, variant((s) => (s.initContainers[0].securityContext.allowPrivilegeEscalation = true)), /initContainers\[0\]\.securityContext\.allowPrivilegeEscalation is true on init container "setup"/);
        assertFails(policy, variant((s) => delete s.containers[0].securityContext), /containers\[0\]\.securityContext\.allowPrivilegeEscalation is absent/);
    });

    it("exempts windows pods from v1.25", () => {
        const windows = variant((s) => { s.os = { name: "windows" }; delete s.containers[0].securityContext.allowPrivilegeEscalation; });
        assertBoundary(policy, windows, "v1.24", "v1.25", /allowPrivilegeEscalation/);
        assertFails(policy, variant((s) => { s.os = { name: "linux" }; delete s.containers[0].securityContext.allowPrivilegeEscalation; }), /is absent/);
    });

    it("judges only what a Patch sets: absent passes, true fails", () => {
        for (const w of patchWorkloads({ containers: [{ name: "app", image: "x" }] })) assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, [], w.kind);
        for (const w of patchWorkloads({ containers: [{ name: "app", securityContext: { allowPrivilegeEscalation: true } }] })) assert.strictEqual(checkResource(policy, w.type, w.props).violations.length, 1, w.kind);
    });

    it("remediates: sets false on every container, and the fixed props pass", () => {
        const weak = variant((s) => {
            delete s.containers[0].securityContext;
            s.initContainers[0].securityContext.allowPrivilegeEscalation = true;
            delete s.ephemeralContainers[0].securityContext.allowPrivilegeEscalation;
        });
        for (const w of everyWorkload(weak)) {
            const fixed = remediate(policy, w.type, w.props);
            assert.ok(fixed, w.kind);
            assert.deepStrictEqual(checkResource(policy, w.type, fixed).violations, [], w.kind);
        }
        const [pod] = everyWorkload(weak);
        assert.strictEqual(remediate(policy, pod.type, everyWorkload(variant(() => undefined))[0].props), undefined, "nothing to fix");
        assert.strictEqual(remediate(policy, pod.type, pod.props, { config: { podSecurityVersion: "v1.7" } }), undefined, "not in force before v1.8");
        assertPasses(policy, variant(() => undefined));
    });

    it("never remediates windows pods", () => {
        const [pod] = everyWorkload(variant((s) => { s.os = { name: "windows" }; delete s.containers[0].securityContext.allowPrivilegeEscalation; }));
        assert.strictEqual(remediate(policy, pod.type, pod.props, { config: { podSecurityVersion: "v1.24" } }), undefined);
    });
});
