import * as assert from "assert";
import { baselineCapabilities } from "../../../policies/kubernetes/pod-security/checks";
import { k8sPssBaselineCapabilities as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-baseline-capabilities";
import { assertFails, assertPasses, sharedCases, variant, violations } from "./pss-fixtures";

describe("k8s-pss-baseline-capabilities", () => {
    sharedCases(policy, variant((s) => (s.containers[0].securityContext.capabilities.add = ["NET_RAW"])),
        /containers\[0\]\.securityContext\.capabilities\.add\[0\] is "NET_RAW" on container "app"; allowed: only AUDIT_WRITE, CHOWN/);

    it("allows each of the 13 baseline capabilities", () => {
        assert.strictEqual(baselineCapabilities.length, 13);
        assertPasses(policy, variant((s) => (s.containers[0].securityContext.capabilities.add = [...baselineCapabilities])), "v1.0");
    });

    it("flags SYS_ADMIN in init and ephemeral containers, and lowercase or CAP_-prefixed names", () => {
        assertFails(policy, variant((s) => (s.initContainers[0].securityContext.capabilities.add = ["SYS_ADMIN"])), /initContainers\[0\].*init container "setup"/);
        assertFails(policy, variant((s) => (s.ephemeralContainers[0].securityContext.capabilities.add = ["SYS_ADMIN"])), /ephemeralContainers\[0\].*ephemeral container "debug"/);
        assert.strictEqual(violations(policy, variant((s) => (s.containers[0].securityContext.capabilities.add = ["chown", "CAP_CHOWN"]))).length, 2);
    });
});
