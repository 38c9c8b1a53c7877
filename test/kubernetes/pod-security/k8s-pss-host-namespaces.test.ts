import { k8sPssHostNamespaces as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-host-namespaces";
import { assertFails, assertPasses, sharedCases, variant } from "./pss-fixtures";

describe("k8s-pss-host-namespaces", () => {
    sharedCases(policy, variant((s) => (s.hostNetwork = true)), /hostNetwork is true, sharing the node's Network namespace; allowed: false or absent/);

    for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
        it(`flags ${field}: true at every version, and passes false`, () => {
            for (const v of ["v1.0", "latest"]) assertFails(policy, variant((s) => (s[field] = true)), new RegExp(`spec\\.${field} is true`), v);
            assertPasses(policy, variant((s) => (s[field] = false)));
        });
    }

    it('reads YAML-style "true"', () => {
        assertFails(policy, variant((s) => (s.hostPID = "true")), /hostPID is true/);
    });
});
