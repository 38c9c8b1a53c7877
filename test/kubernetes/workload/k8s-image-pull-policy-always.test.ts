import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sImagePullPolicyAlways as policy } from "../../../policies/kubernetes/workload/k8s-image-pull-policy-always";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../../fixtures/workloads";
import { itFlagsInEveryWorkload, type WorkloadCase } from "../../fixtures/workload-cases";
import { checkResource } from "../../harness";

const digest = "sha256:3b5f5d8c2a7e4f1b9c0d6e8a1f2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
const hardened: PodSpecInput = {
    containers: [{ name: "app", image: "registry.example.com/app:1.0.0", imagePullPolicy: "Always" }],
    initContainers: [{ name: "setup", image: `registry.example.com/setup:1@${digest}`, imagePullPolicy: "IfNotPresent" }],
    ephemeralContainers: [{ name: "debug", image: "busybox" }],
};

describe("k8s-image-pull-policy-always", () => {
    for (const w of [...everyWorkload(hardened), ...patchWorkloads({ containers: [{ name: "app", image: "a:1" }] })]) {
        it(`passes Always for tags, any policy for digests, and the latest default in a ${w.kind}`, () => {
            assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, []);
        });
    }

    const cases: WorkloadCase[] = [
        ["an absent policy with a version tag", { containers: [{ name: "app", image: "app:1.2" }] }, /containers\[0\]\.imagePullPolicy is absent on container "app" with mutable tag "1\.2", and Kubernetes then uses IfNotPresent/],
        ["IfNotPresent", { containers: [{ name: "app", image: "app:1.2", imagePullPolicy: "IfNotPresent" }] }, /is "IfNotPresent" on container "app" with mutable tag "1\.2"/],
        ["Never on latest in an init container", { containers: [{ name: "app", image: "app:1", imagePullPolicy: "Always" }], initContainers: [{ name: "setup", image: "setup", imagePullPolicy: "Never" }] }, /initContainers\[0\]\.imagePullPolicy is "Never" on init container "setup" with mutable tag "latest"/],
        ["an ephemeral container", { containers: [{ name: "app", image: "app:1", imagePullPolicy: "Always" }], ephemeralContainers: [{ name: "debug", image: "busybox:1", imagePullPolicy: "IfNotPresent" }] }, /ephemeral container "debug"/],
    ];
    itFlagsInEveryWorkload(policy, cases);

    it("judges explicit policies in Patch variants, not absent ones", () => {
        for (const w of patchWorkloads({ containers: [{ name: "app", image: "app:1.2", imagePullPolicy: "IfNotPresent" }] })) {
            assert.strictEqual(checkResource(policy, w.type, w.props).violations.length, 1, w.kind);
        }
    });

    it("survives odd shapes and leaves unknowns to the SDK", () => {
        assert.match(checkResource(policy, "kubernetes:core/v1:Pod", { spec: { containers: [{ image: "a:1", imagePullPolicy: 3 }] } }).violations[0], /is 3/);
        const [pod] = everyWorkload({ containers: [{ name: "app", image: "app:1", imagePullPolicy: unknownValue("string") }] });
        assert.ok(checkResource(policy, pod.type, pod.props).unknown);
    });
});
