import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sNoPrivilegedContainers } from "../../../policies/kubernetes/pod-security/k8s-no-privileged-containers";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../../fixtures/workloads";
import { itFlagsInEveryWorkload, type WorkloadCase } from "../../fixtures/workload-cases";
import { checkResource } from "../../harness";

const hardened: PodSpecInput = {
    containers: [{ name: "app", image: "registry.example.com/app:1.0.0", securityContext: { privileged: false } }],
    initContainers: [{ name: "setup", image: "registry.example.com/setup:1.0.0" }],
};

describe("k8s-no-privileged-containers", () => {
    for (const w of [...everyWorkload(hardened), ...patchWorkloads(hardened)]) {
        it(`passes unprivileged containers in a ${w.kind}`, () => {
            assert.deepStrictEqual(checkResource(k8sNoPrivilegedContainers, w.type, w.props).violations, []);
        });
    }

    const cases: WorkloadCase[] = [
        ["container", { containers: [{ name: "app", securityContext: { privileged: true } }] }, /containers\[0\]\.securityContext\.privileged is true on container "app"/],
        ["init container", { containers: [{ name: "app" }], initContainers: [{ name: "setup", securityContext: { privileged: true } }] }, /initContainers\[0\].*init container "setup"/],
        ["ephemeral container", { containers: [{ name: "app" }], ephemeralContainers: [{ name: "debug", securityContext: { privileged: true } }] }, /ephemeralContainers\[0\].*ephemeral container "debug"/],
    ];
    itFlagsInEveryWorkload(k8sNoPrivilegedContainers, cases, { title: (what, kind) => `flags a privileged ${what} in a ${kind}` });

    it("flags a privileged container in a Patch variant", () => {
        for (const w of patchWorkloads({ containers: [{ name: "app", securityContext: { privileged: true } }] })) {
            assert.strictEqual(checkResource(k8sNoPrivilegedContainers, w.type, w.props).violations.length, 1, w.kind);
        }
    });

    it("reads YAML-style string booleans", () => {
        const [pod] = everyWorkload({ containers: [{ name: "app", securityContext: { privileged: "true" as unknown as boolean } }] });
        assert.strictEqual(checkResource(k8sNoPrivilegedContainers, pod.type, pod.props).violations.length, 1);
    });

    it("survives odd shapes: no spec, containers not a list, null entries", () => {
        assert.deepStrictEqual(checkResource(k8sNoPrivilegedContainers, "kubernetes:core/v1:Pod", { metadata: { name: "x" } }).violations, []);
        assert.deepStrictEqual(checkResource(k8sNoPrivilegedContainers, "kubernetes:core/v1:Pod", { spec: { containers: "nope" } }).violations, []);
        assert.deepStrictEqual(checkResource(k8sNoPrivilegedContainers, "kubernetes:core/v1:Pod", { spec: { containers: [null, 3] } }).violations, []);
    });

    it("leaves unknown values to the SDK's preview handling", () => {
        const [pod] = everyWorkload({ containers: [{ name: "app", securityContext: unknownValue("object") }] });
        assert.match(checkResource(k8sNoPrivilegedContainers, pod.type, pod.props).unknown ?? "", /securityContext/);
    });

    it("honours an exemption annotation with a reason, and not one without", () => {
        const spec: PodSpecInput = { containers: [{ name: "cni", securityContext: { privileged: true } }] };
        const key = "exempt.clusterguard.io/k8s-no-privileged-containers";
        const [, , , exempt] = everyWorkload(spec, { name: "cni", namespace: "kube-system", annotations: { [key]: "CNI agent programs the host network (SEC-42)" } });
        const r = checkResource(k8sNoPrivilegedContainers, exempt.type, exempt.props);
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.notApplicable ?? "", /annotation exempt\.clusterguard\.io\/k8s-no-privileged-containers: CNI agent/);
        const [, , , blank] = everyWorkload(spec, { name: "cni", namespace: "kube-system", annotations: { [key]: " " } });
        assert.strictEqual(checkResource(k8sNoPrivilegedContainers, blank.type, blank.props).violations.length, 1);
    });

    it("honours excludeNamespaces and excludeResourceNames from config", () => {
        const [, , , d] = everyWorkload({ containers: [{ name: "cni", securityContext: { privileged: true } }] }, { name: "cilium", namespace: "kube-system" });
        assert.match(checkResource(k8sNoPrivilegedContainers, d.type, d.props, { config: { excludeNamespaces: ["kube-*"] } }).notApplicable ?? "", /excludeNamespaces matches "kube-system"/);
        assert.match(checkResource(k8sNoPrivilegedContainers, d.type, d.props, { config: { excludeResourceNames: ["kube-system/cilium"] } }).notApplicable ?? "", /excludeResourceNames/);
        assert.strictEqual(checkResource(k8sNoPrivilegedContainers, d.type, d.props, { config: { excludeNamespaces: ["default"] } }).violations.length, 1);
    });

    it("applies at every Pod Security Standards version", () => {
        const [pod] = everyWorkload({ containers: [{ name: "app", securityContext: { privileged: true } }] });
        for (const podSecurityVersion of ["v1.0", "v1.25", "latest"]) {
            assert.strictEqual(checkResource(k8sNoPrivilegedContainers, pod.type, pod.props, { config: { podSecurityVersion } }).violations.length, 1);
        }
        assert.throws(() => checkResource(k8sNoPrivilegedContainers, pod.type, pod.props, { config: { podSecurityVersion: "1.25" } }), /podSecurityVersion/);
    });

    it("rejects unknown config keys with a clear error", () => {
        const [pod] = everyWorkload(hardened);
        assert.throws(() => checkResource(k8sNoPrivilegedContainers, pod.type, pod.props, { config: { excludeNamespace: ["x"] } }), /additional properties "excludeNamespace"/);
    });
});
