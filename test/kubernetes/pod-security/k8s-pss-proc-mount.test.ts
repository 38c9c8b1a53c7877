import { k8sPssProcMount as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-proc-mount";
import { assertBoundary, assertFails, assertPasses, sharedCases, variant } from "./pss-fixtures";

describe("k8s-pss-proc-mount", () => {
    const unmasked = variant((s) => (s.initContainers[0].securityContext.procMount = "Unmasked"));
    sharedCases(policy, unmasked, /initContainers\[0\]\.securityContext\.procMount is "Unmasked" on init container "setup"; allowed: "Default" or absent/);

    it("allows any value with hostUsers: false from v1.35 only", () => {
        const userNs = variant((s) => {
            s.hostUsers = false;
            s.containers[0].securityContext.procMount = "Unmasked";
        });
        assertBoundary(policy, userNs, "v1.34", "v1.35", /procMount is "Unmasked"/);
        assertPasses(policy, userNs, "latest");
    });

    it("keeps flagging with hostUsers: true or absent at every version", () => {
        assertFails(policy, variant((s) => { s.hostUsers = true; s.containers[0].securityContext.procMount = "Unmasked"; }), /Unmasked/);
        assertFails(policy, unmasked, /Unmasked/, "v1.0");
    });
});
