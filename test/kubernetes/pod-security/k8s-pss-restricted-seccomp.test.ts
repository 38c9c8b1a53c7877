import * as assert from "assert";
import { k8sPssRestrictedSeccomp as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-restricted-seccomp";
import { everyWorkload, patchWorkloads } from "../../fixtures/workloads";
import { checkResource, remediate } from "../../harness";
import { assertBoundary, assertFails, assertPasses, sharedCases, variant } from "./pss-fixtures";

const noneAnywhere = (s: Record<string, any>) => {
    delete s.securityContext.seccompProfile;
    for (const list of ["containers", "initContainers", "ephemeralContainers"]) delete s[list][0].securityContext.seccompProfile;
};

describe("k8s-pss-restricted-seccomp", () => {
    sharedCases(policy, variant(noneAnywhere), /securityContext\.seccompProfile is absent on (init |ephemeral )?container "\w+" and .*securityContext\.seccompProfile is absent, so the container runs Unconfined/);

    it("starts at v1.19", () => {
        assertBoundary(policy, variant(noneAnywhere), "v1.19", "v1.18", /seccompProfile/);
    });

    it("accepts Localhost on every container without a pod-level profile", () => {
        assertPasses(policy, variant((s) => {
            noneAnywhere(s);
            for (const list of ["containers", "initContainers", "ephemeralContainers"]) s[list][0].securityContext.seccompProfile = { type: "Localhost", localhostProfile: "p.json" };
        }));
    });

    it("flags Unconfined even when the pod sets RuntimeDefault", () => {
        assertFails(policy, variant((s) => (s.initContainers[0].securityContext.seccompProfile = { type: "Unconfined" })), /initContainers\[0\]\.securityContext\.seccompProfile\.type is "Unconfined" on init container "setup"/);
    });

    it("exempts windows pods from v1.25", () => {
        assertBoundary(policy, variant((s) => { noneAnywhere(s); s.os = { name: "windows" }; }), "v1.24", "v1.25", /seccompProfile/);
    });

    it("judges only what a Patch sets", () => {
        for (const w of patchWorkloads({ containers: [{ name: "app", image: "x" }] })) assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, [], w.kind);
        for (const w of patchWorkloads({ securityContext: { seccompProfile: { type: "Unconfined" } } })) assert.strictEqual(checkResource(policy, w.type, w.props).violations.length, 1, w.kind);
    });

    it("remediates an absent profile with a pod-level RuntimeDefault, and the fixed props pass", () => {
        for (const w of everyWorkload(variant(noneAnywhere))) {
            const fixed = remediate(policy, w.type, w.props);
            assert.ok(fixed, w.kind);
            assert.deepStrictEqual(checkResource(policy, w.type, fixed).violations, [], w.kind);
        }
        const [pod] = everyWorkload(variant((s) => { delete s.securityContext; for (const l of ["containers", "initContainers", "ephemeralContainers"]) delete s[l][0].securityContext.seccompProfile; }));
        const fixed = remediate(policy, pod.type, pod.props) as { spec: { securityContext: unknown } };
        assert.deepStrictEqual(fixed.spec.securityContext, { seccompProfile: { type: "RuntimeDefault" } });
    });

    it("leaves an explicit Unconfined to the author", () => {
        const [pod] = everyWorkload(variant((s) => (s.securityContext.seccompProfile = { type: "Unconfined" })));
        assert.strictEqual(remediate(policy, pod.type, pod.props), undefined);
    });
});
