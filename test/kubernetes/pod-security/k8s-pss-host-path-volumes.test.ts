import { k8sPssHostPathVolumes as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-host-path-volumes";
import { assertFails, assertPasses, sharedCases, variant } from "./pss-fixtures";

describe("k8s-pss-host-path-volumes", () => {
    const hostPath = variant((s) => s.volumes.push({ name: "docker", hostPath: { path: "/var/run/docker.sock" } }));
    sharedCases(policy, hostPath, /spec(\.template\.spec|\.jobTemplate\.spec\.template\.spec)?\.volumes\[4\]\.hostPath is set on volume "docker" \(path "\/var\/run\/docker.sock"\); allowed: no hostPath volumes/);

    it("flags hostPath at every version; other volume types are not its business", () => {
        assertFails(policy, hostPath, /hostPath/, "v1.0");
        assertPasses(policy, variant((s) => s.volumes.push({ name: "nfs", nfs: { server: "n", path: "/" } })));
    });
});
