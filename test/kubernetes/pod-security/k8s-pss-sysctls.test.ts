import { k8sPssSysctls as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-sysctls";
import { assertBoundary, assertFails, assertPasses, sharedCases, variant } from "./pss-fixtures";

const withSysctl = (name: string) => variant((s) => s.securityContext.sysctls.push({ name, value: "1" }));

describe("k8s-pss-sysctls", () => {
    sharedCases(policy, withSysctl("kernel.msgmax"), /spec(\.template\.spec|\.jobTemplate\.spec\.template\.spec)?\.securityContext\.sysctls\[1\]\.name is "kernel\.msgmax" at pod level; allowed: the safe sysctls of v1\.37\+: kernel\.shm_rmid_forced/);

    it("allows the v1.0 set at every version", () => {
        for (const name of ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start"]) {
            assertPasses(policy, withSysctl(name), "v1.0");
        }
    });

    const boundaries: [string, string, string][] = [
        ["net.ipv4.ip_local_reserved_ports", "v1.26", "v1.27"],
        ["net.ipv4.tcp_keepalive_time", "v1.28", "v1.29"],
        ["net.ipv4.tcp_fin_timeout", "v1.28", "v1.29"],
        ["net.ipv4.tcp_keepalive_intvl", "v1.28", "v1.29"],
        ["net.ipv4.tcp_keepalive_probes", "v1.28", "v1.29"],
        ["net.ipv4.tcp_rmem", "v1.31", "v1.32"],
        ["net.ipv4.tcp_wmem", "v1.31", "v1.32"],
        ["net.ipv4.tcp_slow_start_after_idle", "v1.36", "v1.37"],
        ["net.ipv4.tcp_notsent_lowat", "v1.36", "v1.37"],
    ];
    for (const [name, before, from] of boundaries) {
        it(`allows ${name} from ${from}, not at ${before}`, () => {
            assertBoundary(policy, withSysctl(name), before, from, new RegExp(`"${name.replace(/\./g, "\\.")}"`));
            assertPasses(policy, withSysctl(name), "latest");
        });
    }

    it("flags an unsafe sysctl at every version, and a sysctl without a name", () => {
        assertFails(policy, withSysctl("vm.swappiness"), /vm\.swappiness/, "v1.99");
        assertFails(policy, variant((s) => s.securityContext.sysctls.push({ value: "1" })), /sysctls\[1\]\.name is absent/);
    });
});
