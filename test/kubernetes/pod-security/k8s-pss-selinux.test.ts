import { k8sPssSelinux as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-selinux";
import { assertBoundary, assertFails, assertPasses, sharedCases, variant } from "./pss-fixtures";

describe("k8s-pss-selinux", () => {
    sharedCases(policy, variant((s) => (s.securityContext.seLinuxOptions = { type: "spc_t" })), /seLinuxOptions\.type is "spc_t" at pod level; allowed: "container_t", "container_init_t", "container_kvm_t"/);

    it("allows container_engine_t from v1.31 only", () => {
        assertBoundary(policy, variant((s) => (s.containers[0].securityContext.seLinuxOptions = { type: "container_engine_t" })), "v1.30", "v1.31", /container "app"; allowed: .*container_kvm_t" or empty/);
    });

    it("allows the base types and empty, and flags user and role at pod and container level", () => {
        for (const type of ["", "container_t", "container_init_t", "container_kvm_t"]) assertPasses(policy, variant((s) => (s.securityContext.seLinuxOptions = { type })), "v1.0");
        assertFails(policy, variant((s) => (s.securityContext.seLinuxOptions = { user: "system_u" })), /seLinuxOptions\.user is "system_u" at pod level; allowed: empty or absent/);
        assertFails(policy, variant((s) => (s.ephemeralContainers[0].securityContext.seLinuxOptions = { role: "sysadm_r" })), /ephemeralContainers\[0\]\.securityContext\.seLinuxOptions\.role is "sysadm_r" on ephemeral container "debug"/);
    });
});
