import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sContainerResources as policy } from "../../../policies/kubernetes/workload/k8s-container-resources";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../../fixtures/workloads";
import { itFlagsInEveryWorkload, type WorkloadCase } from "../../fixtures/workload-cases";
import { checkResource } from "../../harness";

const resources = { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } };
const hardened: PodSpecInput = {
    containers: [{ name: "app", image: "a:1", resources }],
    initContainers: [{ name: "setup", image: "a:1", resources }],
    ephemeralContainers: [{ name: "debug", image: "busybox:1" }],
};

describe("k8s-container-resources", () => {
    for (const w of [...everyWorkload(hardened), ...patchWorkloads({ containers: [{ name: "app", image: "a:2" }] })]) {
        it(`passes requests and a memory limit in a ${w.kind} (ephemeral containers exempt; Patch left partial)`, () => {
            assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, []);
        });
    }

    it("takes limits as the default for missing requests, like Kubernetes", () => {
        const [pod] = everyWorkload({ containers: [{ name: "app", resources: { limits: { cpu: "1", memory: "1Gi" } } }] });
        assert.deepStrictEqual(checkResource(policy, pod.type, pod.props).violations, []);
    });

    const cases: WorkloadCase[] = [
        ["no resources on a container", { containers: [{ name: "app" }] }, /containers\[0\]\.resources lacks requests\.cpu, requests\.memory, limits\.memory on container "app", and Kubernetes then/],
        ["no memory limit", { containers: [{ name: "app", resources: { requests: { cpu: "1", memory: "1Gi" } } }] }, /lacks limits\.memory on container "app"/],
        ["no CPU request", { containers: [{ name: "app", resources: { requests: { memory: "1Gi" }, limits: { memory: "1Gi" } } }] }, /lacks requests\.cpu on/],
        ["an init container without resources", { containers: [{ name: "app", resources }], initContainers: [{ name: "setup" }] }, /initContainers\[0\]\.resources lacks .* on init container "setup"/],
    ];
    itFlagsInEveryWorkload(policy, cases);

    it("accepts numbers, rejects empty strings and wrong types", () => {
        const [pod] = everyWorkload({ containers: [{ name: "app", resources: { requests: { cpu: 1 as never, memory: "" }, limits: { memory: true as never } } }] });
        assert.match(checkResource(policy, pod.type, pod.props).violations[0], /lacks requests\.memory, limits\.memory/);
        assert.strictEqual(checkResource(policy, pod.type, { spec: { containers: [{ name: "x", resources: "big" }] } }).violations.length, 1);
    });

    it("defers a resources block unknown as a whole, naming it; a computed quantity is set", () => {
        const [pod] = everyWorkload({ containers: [{ name: "app", resources: unknownValue("object") }, { name: "side" }] });
        const r = checkResource(policy, pod.type, pod.props);
        assert.match(r.unknown ?? "", /^Pod "shop\/web": spec\.containers\[0\]\.resources is computed/);
        assert.strictEqual(r.violations.length, 1, "the other container is still judged");
        assert.match(r.violations[0], /container "side"/);
        const [computed] = everyWorkload({ containers: [{ name: "app", resources: { requests: { cpu: unknownValue("string"), memory: "128Mi" }, limits: { memory: unknownValue("string") } } }] });
        assert.deepStrictEqual(checkResource(policy, computed.type, computed.props), { violations: [] });
    });
});
