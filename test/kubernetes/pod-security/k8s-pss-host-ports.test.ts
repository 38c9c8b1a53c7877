import { k8sPssHostPorts as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-host-ports";
import { assertFails, assertPasses, sharedCases, variant } from "./pss-fixtures";

describe("k8s-pss-host-ports", () => {
    sharedCases(policy, variant((s) => (s.containers[0].ports[0].hostPort = 8080)), /containers\[0\]\.ports\[0\]\.hostPort is 8080 on container "app"; allowed: 0 or absent/);

    it("allows hostPort 0, flags it in init and ephemeral containers and as a string", () => {
        assertPasses(policy, variant((s) => (s.containers[0].ports[0].hostPort = 0)));
        assertFails(policy, variant((s) => (s.initContainers[0].ports = [{ containerPort: 1, hostPort: 1 }])), /init container "setup"/);
        assertFails(policy, variant((s) => (s.ephemeralContainers[0].ports = [{ containerPort: 1, hostPort: 9 }])), /ephemeral container "debug"/);
        assertFails(policy, variant((s) => (s.containers[0].ports[0].hostPort = "443")), /hostPort is "443"/, "v1.0");
    });
});
