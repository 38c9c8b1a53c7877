import * as assert from "assert";
import { k8sPssRunAsUser as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-run-as-user";
import { assertBoundary, assertFails, assertPasses, sharedCases, variant } from "./pss-fixtures";

describe("k8s-pss-run-as-user", () => {
    sharedCases(policy, variant((s) => (s.securityContext.runAsUser = 0)), /securityContext\.runAsUser is 0 at pod level; allowed: a non-zero UID or absent/);

    it("starts at v1.23", () => {
        assertBoundary(policy, variant((s) => (s.initContainers[0].securityContext.runAsUser = 0)), "v1.23", "v1.22", /init container "setup"/);
    });

    it("allows absent and non-zero, flags 0 on ephemeral containers", () => {
        assertPasses(policy, variant((s) => delete s.securityContext.runAsUser));
        assertFails(policy, variant((s) => (s.ephemeralContainers[0].securityContext.runAsUser = 0)), /ephemeral container "debug"/);
    });

    it("allows 0 with hostUsers: false from v1.35 only", () => {
        assertBoundary(policy, variant((s) => { s.hostUsers = false; s.securityContext.runAsUser = 0; }), "v1.34", "v1.35", /runAsUser is 0/);
    });

    it("has no remediation", () => {
        assert.strictEqual(policy.remediateResource, undefined);
    });
});
