import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sNoRuntimeSocketMount as policy } from "../../../policies/kubernetes/workload/k8s-no-runtime-socket-mount";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../../fixtures/workloads";
import { checkResource } from "../../harness";

const withHostPath = (path: string): PodSpecInput => ({
    containers: [{ name: "app", volumeMounts: [{ name: "sock", mountPath: "/sock" }] }],
    initContainers: [{ name: "setup", volumeMounts: [{ name: "sock", mountPath: "/sock" }] }],
    volumes: [{ name: "tmp", emptyDir: {} }, { name: "sock", hostPath: { path } }],
});

describe("k8s-no-runtime-socket-mount", () => {
    for (const w of [...everyWorkload(withHostPath("/var/log/app")), ...patchWorkloads({ volumes: [{ name: "logs", hostPath: { path: "/var/log" } }] })]) {
        it(`passes other hostPaths and emptyDir in a ${w.kind}`, () => {
            assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, []);
        });
    }

    for (const path of ["/var/run/docker.sock", "/run/containerd/containerd.sock", "/var/run/crio/crio.sock", "/var/run/cri-dockerd.sock", "//var/run//docker.sock", "/var/run/", "/run/containerd", "/"]) {
        it(`flags a hostPath of ${path} in every workload kind`, () => {
            for (const w of [...everyWorkload(withHostPath(path)), ...patchWorkloads(withHostPath(path))]) {
                const r = checkResource(policy, w.type, w.props);
                assert.strictEqual(r.violations.length, 1, w.kind);
                assert.match(r.violations[0], /volumes\[1\]\.hostPath\.path is ".*", (the container runtime socket|a directory that holds the container runtime socket), mounted by container "app", init container "setup": it gives control/);
            }
        });
    }

    it("survives odd shapes and leaves unknowns to the SDK", () => {
        assert.deepStrictEqual(checkResource(policy, "kubernetes:core/v1:Pod", { spec: { volumes: "x" } }).violations, []);
        assert.deepStrictEqual(checkResource(policy, "kubernetes:core/v1:Pod", { spec: { volumes: [null, { hostPath: { path: 3 } }] } }).violations, []);
        const [pod] = everyWorkload({ containers: [{ name: "app" }], volumes: [{ name: "v", hostPath: { path: unknownValue("string") } }] });
        assert.ok(checkResource(policy, pod.type, pod.props).unknown);
    });
});
