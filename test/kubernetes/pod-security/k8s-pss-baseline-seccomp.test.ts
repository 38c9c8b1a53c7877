import { k8sPssBaselineSeccomp as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-baseline-seccomp";
import { assertBoundary, assertFails, assertPasses, hardenedSpec, sharedCases, variant } from "./pss-fixtures";

describe("k8s-pss-baseline-seccomp", () => {
    sharedCases(policy, variant((s) => (s.ephemeralContainers[0].securityContext.seccompProfile = { type: "Unconfined" })),
        /ephemeralContainers\[0\]\.securityContext\.seccompProfile\.type is "Unconfined" on ephemeral container "debug"; allowed: "RuntimeDefault", "Localhost"/);

    it("judges the fields from v1.19 (before that, fields are ignored)", () => {
        assertBoundary(policy, variant((s) => (s.securityContext.seccompProfile = { type: "Unconfined" })), "v1.19", "v1.18", /at pod level/);
    });

    it("allows absent seccomp at baseline", () => {
        assertPasses(policy, variant((s) => {
            delete s.securityContext.seccompProfile;
            for (const list of ["containers", "initContainers", "ephemeralContainers"]) delete s[list][0].securityContext.seccompProfile;
        }));
    });

    it("judges the alpha annotations before v1.19 only", () => {
        const pod = { "seccomp.security.alpha.kubernetes.io/pod": "unconfined" };
        assertBoundary(policy, hardenedSpec, "v1.18", "v1.19", /annotations\["seccomp\.security\.alpha\.kubernetes\.io\/pod"\] is "unconfined"; allowed: "runtime\/default", "docker\/default"/, pod);
        const container = { "container.seccomp.security.alpha.kubernetes.io/setup": "unconfined" };
        assertFails(policy, hardenedSpec, /container\.seccomp\.security\.alpha\.kubernetes\.io\/setup/, "v1.0", container);
        for (const ok of ["runtime/default", "docker/default", "localhost/profile.json"]) {
            assertPasses(policy, hardenedSpec, "v1.18", { "seccomp.security.alpha.kubernetes.io/pod": ok });
        }
    });
});
