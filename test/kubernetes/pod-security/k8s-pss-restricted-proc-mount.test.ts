import { k8sPssProcMount as baseline } from "../../../policies/kubernetes/pod-security/k8s-pss-proc-mount";
import { k8sPssRestrictedProcMount as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-restricted-proc-mount";
import { assertBoundary, assertFails, assertPasses, sharedCases, variant } from "./pss-fixtures";

describe("k8s-pss-restricted-proc-mount", () => {
    const userNs = variant((s) => { s.hostUsers = false; s.containers[0].securityContext.procMount = "Unmasked"; });
    sharedCases(policy, userNs, /containers\[0\]\.securityContext\.procMount is "Unmasked" on container "app"; allowed: "Default" or absent/);

    it("exists from v1.35 (before, baseline's unconditional check covers it)", () => {
        assertBoundary(policy, userNs, "v1.35", "v1.34", /Unmasked/);
        assertFails(baseline, userNs, /Unmasked/, "v1.34");
        assertPasses(baseline, userNs, "v1.35");
    });
});
