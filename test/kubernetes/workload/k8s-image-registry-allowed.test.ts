import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sImageRegistryAllowed as policy } from "../../../policies/kubernetes/workload/k8s-image-registry-allowed";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../../fixtures/workloads";
import { itFlagsInEveryWorkload, type WorkloadCase } from "../../fixtures/workload-cases";
import { checkResource } from "../../harness";

const config = { allowedRegistries: ["*.dkr.ecr.*.amazonaws.com", "*.azurecr.io", "ghcr.io/acme/**", "registry.local:5000"] };
const hardened: PodSpecInput = {
    containers: [{ name: "app", image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:1" }],
    initContainers: [{ name: "setup", image: "acme.azurecr.io/setup:2" }],
    ephemeralContainers: [{ name: "debug", image: "ghcr.io/acme/tools/debug:3" }],
};

describe("k8s-image-registry-allowed", () => {
    for (const w of [...everyWorkload(hardened), ...patchWorkloads(hardened)]) {
        it(`passes images from allowed registries in a ${w.kind}`, () => {
            assert.deepStrictEqual(checkResource(policy, w.type, w.props, { config }).violations, []);
        });
    }

    it("is disabled by default (empty allow-list)", () => {
        const [pod] = everyWorkload({ containers: [{ name: "app", image: "nginx" }] });
        assert.deepStrictEqual(checkResource(policy, pod.type, pod.props).violations, []);
    });

    const cases: WorkloadCase[] = [
        ["Docker Hub short names", { containers: [{ name: "app", image: "nginx:1.27" }] }, /containers\[0\]\.image is "nginx:1\.27" on container "app", from registry "docker\.io", which allowedRegistries .* does not list/],
        ["another org on an allowed host", { containers: [{ name: "app", image: "ghcr.io/evil/app:1" }] }, /from registry "ghcr\.io"/],
        ["a lookalike host", { containers: [{ name: "app", image: "acme.azurecr.io.evil.com/app:1" }] }, /acme\.azurecr\.io\.evil\.com/],
        ["another port", { containers: [{ name: "app", image: "registry.local:5001/app:1" }] }, /registry\.local:5001/],
        ["an init container", { containers: [{ name: "app", image: "acme.azurecr.io/a:1" }], initContainers: [{ name: "setup", image: "quay.io/x/y:1" }] }, /initContainers\[0\]\.image .* init container "setup"/],
        ["an ephemeral container", { containers: [{ name: "app", image: "acme.azurecr.io/a:1" }], ephemeralContainers: [{ name: "debug", image: "busybox:1" }] }, /ephemeral container "debug"/],
    ];
    itFlagsInEveryWorkload(policy, cases, { patches: true, config });

    it("survives odd shapes and leaves unknowns to the SDK", () => {
        assert.deepStrictEqual(checkResource(policy, "kubernetes:core/v1:Pod", { spec: { containers: [{ image: 3 }, "x"] } }, { config }).violations, []);
        const [pod] = everyWorkload({ containers: [{ name: "app", image: unknownValue("string") }] });
        assert.ok(checkResource(policy, pod.type, pod.props, { config }).unknown);
    });
});
