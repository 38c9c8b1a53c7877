import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sPssHostPorts as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-host-ports";
import { everyWorkload, patchWorkloads, type PodSpecPatchInput } from "../../fixtures/workloads";
import { checkResource } from "../../harness";
import { assertFails, assertPasses, sharedCases, variant } from "./pss-fixtures";

describe("k8s-pss-host-ports", () => {
    sharedCases(policy, variant((s) => (s.containers[0].ports[0].hostPort = 8080)), /containers\[0\]\.ports\[0\]\.hostPort is 8080 on container "app"; allowed: 0 or absent/);

    it("allows hostPort 0, flags it in init and ephemeral containers and as a string", () => {
        assertPasses(policy, variant((s) => (s.containers[0].ports[0].hostPort = 0)));
        assertFails(policy, variant((s) => (s.initContainers[0].ports = [{ containerPort: 1, hostPort: 1 }])), /init container "setup"/);
        assertFails(policy, variant((s) => (s.ephemeralContainers[0].ports = [{ containerPort: 1, hostPort: 9 }])), /ephemeral container "debug"/);
        assertFails(policy, variant((s) => (s.containers[0].ports[0].hostPort = "443")), /hostPort is "443"/, "v1.0");
    });

    it("counts the host port the API server gives every container port of a hostNetwork pod", () => {
        const hostNetwork = variant((s) => (s.hostNetwork = true));
        assertFails(policy, hostNetwork, /containers\[0\]\.ports\[0\]\.hostPort is absent on container "app", and with spec\.hostNetwork: true Kubernetes sets it to the containerPort 8080/);
        for (const w of everyWorkload(hostNetwork)) assert.strictEqual(checkResource(policy, w.type, w.props).violations.length, 1, w.kind);
        // Ephemeral containers get no default; a patch leaves the live ports alone.
        assertPasses(policy, variant((s) => ((s.hostNetwork = true), (s.containers[0].ports = []), (s.ephemeralContainers[0].ports = [{ containerPort: 9 }]))));
        for (const w of patchWorkloads(hostNetwork as PodSpecPatchInput)) assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, [], w.kind);
    });

    it("defers the implied host port while hostNetwork is unknown, and judges explicit host ports anyway", () => {
        const [pod] = everyWorkload(variant((s) => ((s.hostNetwork = unknownValue("bool")), s.initContainers[0].ports = [{ containerPort: 1, hostPort: 1 }])));
        const r = checkResource(policy, pod.type, pod.props);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0], /initContainers\[0\]\.ports\[0\]\.hostPort is 1/);
        assert.match(r.unknown ?? "", /spec\.hostNetwork is computed/);
    });
});
