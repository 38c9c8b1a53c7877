import * as assert from "assert";
import { k8sPssRestrictedCapabilities as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-restricted-capabilities";
import { everyWorkload, patchWorkloads } from "../../fixtures/workloads";
import { checkResource, remediate } from "../../harness";
import { assertBoundary, assertFails, assertPasses, sharedCases, variant, violations } from "./pss-fixtures";

describe("k8s-pss-restricted-capabilities", () => {
    sharedCases(policy, variant((s) => (s.initContainers[0].securityContext.capabilities = { drop: ["NET_RAW"] })),
        /initContainers\[0\]\.securityContext\.capabilities\.drop is \["NET_RAW"\] on init container "setup"; allowed: a list containing "ALL" \(case-sensitive\)/);

    it("starts at v1.22", () => {
        assertBoundary(policy, variant((s) => delete s.containers[0].securityContext.capabilities), "v1.22", "v1.21", /capabilities\.drop is absent/);
    });

    it("is case-sensitive and allows only NET_BIND_SERVICE to be added", () => {
        assertFails(policy, variant((s) => (s.containers[0].securityContext.capabilities.drop = ["all"])), /drop is \["all"\]/);
        assertFails(policy, variant((s) => (s.containers[0].securityContext.capabilities.add = ["CHOWN"])), /capabilities\.add\[0\] is "CHOWN" on container "app"; allowed: "NET_BIND_SERVICE" only/);
        assertPasses(policy, variant((s) => (s.ephemeralContainers[0].securityContext.capabilities = { drop: ["NET_RAW", "ALL"] })));
        assert.strictEqual(violations(policy, variant((s) => (s.ephemeralContainers[0].securityContext.capabilities = {}))).length, 1);
    });

    it("exempts windows pods from v1.25", () => {
        assertBoundary(policy, variant((s) => { s.os = { name: "windows" }; delete s.containers[0].securityContext.capabilities; }), "v1.24", "v1.25", /drop/);
    });

    it("judges only what a Patch sets", () => {
        for (const w of patchWorkloads({ containers: [{ name: "app", image: "x" }] })) assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, [], w.kind);
        for (const w of patchWorkloads({ containers: [{ name: "app", securityContext: { capabilities: { drop: [] } } }] })) assert.strictEqual(checkResource(policy, w.type, w.props).violations.length, 1, w.kind);
    });

    it("remediates by adding ALL to drop, keeping add, and the fixed props pass", () => {
        const weak = variant((s) => {
            s.containers[0].securityContext.capabilities = { add: ["NET_BIND_SERVICE"], drop: ["NET_RAW"] };
            delete s.initContainers[0].securityContext;
        });
        for (const w of everyWorkload(weak)) {
            const fixed = remediate(policy, w.type, w.props);
            assert.ok(fixed, w.kind);
            assert.deepStrictEqual(checkResource(policy, w.type, fixed).violations, [], w.kind);
        }
        const [pod] = everyWorkload(weak);
        const fixed = remediate(policy, pod.type, pod.props) as { spec: { containers: { securityContext: unknown }[] } };
        assert.deepStrictEqual(fixed.spec.containers[0].securityContext, { ...(weak.containers as object[] as Record<string, any>[])[0].securityContext, capabilities: { add: ["NET_BIND_SERVICE"], drop: ["NET_RAW", "ALL"] } });
    });
});
