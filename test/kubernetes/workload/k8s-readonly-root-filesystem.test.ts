import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sReadonlyRootFilesystem as policy } from "../../../policies/kubernetes/workload/k8s-readonly-root-filesystem";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../../fixtures/workloads";
import { itFlagsInEveryWorkload, type WorkloadCase } from "../../fixtures/workload-cases";
import { checkResource } from "../../harness";

const ro = { readOnlyRootFilesystem: true };
const hardened: PodSpecInput = {
    containers: [{ name: "app", securityContext: ro }],
    initContainers: [{ name: "setup", securityContext: ro }],
    ephemeralContainers: [{ name: "debug", securityContext: ro }],
};

describe("k8s-readonly-root-filesystem", () => {
    for (const w of [...everyWorkload(hardened), ...patchWorkloads({ containers: [{ name: "app", image: "a:2" }] })]) {
        it(`passes read-only root filesystems in a ${w.kind}`, () => {
            assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, []);
        });
    }

    const cases: WorkloadCase[] = [
        ["an absent field", { containers: [{ name: "app" }] }, /containers\[0\]\.securityContext\.readOnlyRootFilesystem is absent on container "app", and Kubernetes then mounts a writable/],
        ["false", { containers: [{ name: "app", securityContext: { readOnlyRootFilesystem: false } }] }, /is false on container "app"/],
        ["an init container", { containers: [{ name: "app", securityContext: ro }], initContainers: [{ name: "setup" }] }, /initContainers\[0\].*init container "setup"/],
        ["an ephemeral container", { containers: [{ name: "app", securityContext: ro }], ephemeralContainers: [{ name: "debug", securityContext: { readOnlyRootFilesystem: false } }] }, /ephemeralContainers\[0\].*ephemeral container "debug"/],
    ];
    itFlagsInEveryWorkload(policy, cases);

    it("flags an explicit false in a Patch, reads string booleans, survives odd shapes", () => {
        for (const w of patchWorkloads({ containers: [{ name: "app", securityContext: { readOnlyRootFilesystem: false } }] })) {
            assert.strictEqual(checkResource(policy, w.type, w.props).violations.length, 1, w.kind);
        }
        const [pod] = everyWorkload({ containers: [{ name: "app", securityContext: { readOnlyRootFilesystem: "true" as never } }] });
        assert.deepStrictEqual(checkResource(policy, pod.type, pod.props).violations, []);
        assert.match(checkResource(policy, pod.type, { spec: { containers: [{ name: "x", securityContext: { readOnlyRootFilesystem: "yes" } }] } }).violations[0], /is "yes"/);
    });

    it("leaves unknown values to the SDK", () => {
        const [pod] = everyWorkload({ containers: [{ name: "app", securityContext: unknownValue("object") }] });
        assert.ok(checkResource(policy, pod.type, pod.props).unknown);
    });
});
