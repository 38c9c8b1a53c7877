import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sImageDigestPinned as policy } from "../../../policies/kubernetes/workload/k8s-image-digest-pinned";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../../fixtures/workloads";
import { itFlagsInEveryWorkload, type WorkloadCase } from "../../fixtures/workload-cases";
import { liveObject } from "../../fixtures/live-object";
import { checkResource } from "../../harness";

const digest = "sha256:3b5f5d8c2a7e4f1b9c0d6e8a1f2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
const hardened: PodSpecInput = {
    containers: [{ name: "app", image: `registry.example.com/app:1.0.0@${digest}` }],
    initContainers: [{ name: "setup", image: `registry.example.com/setup@${digest}` }],
};

describe("k8s-image-digest-pinned", () => {
    for (const w of [...everyWorkload(hardened), ...patchWorkloads(hardened)]) {
        it(`passes digest-pinned images in a ${w.kind}`, () => {
            assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, []);
        });
    }

    const cases: WorkloadCase[] = [
        ["a tag", { containers: [{ name: "app", image: "registry.example.com/app:1.0.0" }] }, /containers\[0\]\.image is "registry\.example\.com\/app:1\.0\.0" on container "app", without a digest/],
        ["an init container", { containers: [{ name: "app", image: `a@${digest}` }], initContainers: [{ name: "setup", image: "setup:2" }] }, /initContainers\[0\]\.image .* init container "setup"/],
        ["an ephemeral container", { containers: [{ name: "app", image: `a@${digest}` }], ephemeralContainers: [{ name: "debug", image: "busybox:1" }] }, /ephemeral container "debug"/],
        ["a short digest", { containers: [{ name: "app", image: "registry.example.com/app:1.0.0@sha256:123456" }] }, /image is "registry\.example\.com\/app:1\.0\.0@sha256:123456" on container "app", and the digest is malformed: a sha256 digest has 64 hex characters, and this one has 6.*Fix: replace the digest with the image's full one, @sha256:<64 lowercase hex characters>/],
        ["an uppercase digest", { containers: [{ name: "app", image: `a@${digest.toUpperCase().replace("SHA256", "sha256")}` }] }, /the digest is malformed: a sha256 digest is lowercase hex/],
        ["an unregistered algorithm", { containers: [{ name: "app", image: `a@md5:${"0".repeat(32)}` }] }, /the digest is malformed: "md5" is not a registered digest algorithm/],
    ];
    itFlagsInEveryWorkload(policy, cases, { patches: true, title: (what, kind) => `flags ${what} without digest in a ${kind}` });

    it("defers an unknown image and still judges the other containers", () => {
        const [, , , deployment] = everyWorkload({ containers: [{ name: "app", image: unknownValue("string") }, { name: "side", image: "busybox:1" }] });
        const r = checkResource(policy, deployment.type, deployment.props);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0], /containers\[1\]\.image is "busybox:1"/);
        assert.match(r.unknown ?? "", /spec\.template\.spec\.containers\[0\]\.image/);
    });

    it("gives the same verdict on the live object and passes absent images", () => {
        const [, , , deployment] = everyWorkload({ containers: [{ name: "app", image: "a@sha256:abc" }, { name: "ok", image: `a@${digest}` }, { name: "none" }] });
        const onManifest = checkResource(policy, deployment.type, deployment.props).violations;
        assert.strictEqual(onManifest.length, 1);
        assert.deepStrictEqual(checkResource(policy, deployment.type, liveObject(deployment.props, { status: { replicas: 1 } }), { dryRun: false }).violations, onManifest);
        assert.match(checkResource(policy, "kubernetes:core/v1:Service", {}).notApplicable ?? "", /does not apply/);
    });

    it("leaves invalid references to k8s-image-tag-pinned and unknowns to the SDK", () => {
        assert.deepStrictEqual(checkResource(policy, "kubernetes:core/v1:Pod", { spec: { containers: [{ image: "Not An Image" }, { image: 4 }, null] } }).violations, []);
        const [pod] = everyWorkload({ containers: [{ name: "app", image: unknownValue("string") }] });
        assert.ok(checkResource(policy, pod.type, pod.props).unknown);
    });
});
