import { k8sPssWindowsHostProcess as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-windows-host-process";
import { assertFails, assertPasses, sharedCases, variant } from "./pss-fixtures";

describe("k8s-pss-windows-host-process", () => {
    sharedCases(policy, variant((s) => (s.securityContext.windowsOptions = { hostProcess: true, runAsUserName: "NT AUTHORITY\\SYSTEM" })),
        /securityContext\.windowsOptions\.hostProcess is true at pod level; allowed: false or absent/);

    it("flags hostProcess on any container kind, at every version; passes false", () => {
        assertFails(policy, variant((s) => (s.initContainers[0].securityContext.windowsOptions = { hostProcess: true })), /init container "setup"/, "v1.0");
        assertFails(policy, variant((s) => (s.ephemeralContainers[0].securityContext.windowsOptions = { hostProcess: true })), /ephemeral container "debug"/);
        assertPasses(policy, variant((s) => { s.os = { name: "windows" }; s.securityContext.windowsOptions = { hostProcess: false }; }));
    });
});
