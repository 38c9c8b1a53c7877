import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sImageTagPinned as policy } from "../../../policies/kubernetes/workload/k8s-image-tag-pinned";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../../fixtures/workloads";
import { itFlagsInEveryWorkload, type WorkloadCase } from "../../fixtures/workload-cases";
import { liveObject } from "../../fixtures/live-object";
import { checkResource } from "../../harness";

const digest = "sha256:3b5f5d8c2a7e4f1b9c0d6e8a1f2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
const hardened: PodSpecInput = {
    containers: [{ name: "app", image: "registry.example.com/app:1.0.0" }],
    initContainers: [{ name: "setup", image: `registry.example.com/setup@${digest}` }],
    ephemeralContainers: [{ name: "debug", image: `busybox:latest@${digest}` }],
};

describe("k8s-image-tag-pinned", () => {
    for (const w of [...everyWorkload(hardened), ...patchWorkloads(hardened)]) {
        it(`passes version tags and digests in a ${w.kind}`, () => {
            assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, []);
        });
    }

    const cases: WorkloadCase[] = [
        ["no tag", { containers: [{ name: "app", image: "nginx" }] }, /containers\[0\]\.image is "nginx" on container "app", with no tag, and the runtime then pulls "latest"/],
        ["latest", { containers: [{ name: "app", image: "registry.local:5000/app:latest" }] }, /is "registry\.local:5000\/app:latest" on container "app": "latest" changes/],
        ["an init container with no tag", { containers: [{ name: "app", image: "a:1" }], initContainers: [{ name: "setup", image: "registry.local:5000/setup" }] }, /initContainers\[0\]\.image .* init container "setup", with no tag/],
        ["an ephemeral container on latest", { containers: [{ name: "app", image: "a:1" }], ephemeralContainers: [{ name: "debug", image: "busybox:latest" }] }, /ephemeralContainers\[0\]\.image/],
        ["an invalid reference", { containers: [{ name: "app", image: "Not An Image" }] }, /is "Not An Image" on container "app", which is not a valid image reference/],
        ["a malformed digest", { containers: [{ name: "app", image: "registry.example.com/app@sha256:123456" }] }, /is "registry\.example\.com\/app@sha256:123456" on container "app", and the digest is malformed: a sha256 digest has 64 hex characters.*Fix: replace the digest with the image's full one, @sha256:<64 lowercase hex characters>/],
        ["a digest after latest with an unregistered algorithm", { containers: [{ name: "app", image: `busybox:latest@sha1:${"a".repeat(40)}` }] }, /the digest is malformed: "sha1" is not a registered digest algorithm \(sha256, sha512\)/],
    ];
    itFlagsInEveryWorkload(policy, cases, { patches: true });

    it("defers an unknown image and still judges the other containers; same verdict on the live object", () => {
        const [, , , deployment] = everyWorkload({ containers: [{ name: "app", image: unknownValue("string") }, { name: "side", image: "busybox" }] });
        const r = checkResource(policy, deployment.type, deployment.props);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0], /containers\[1\]\.image is "busybox" on container "side", with no tag/);
        assert.match(r.unknown ?? "", /spec\.template\.spec\.containers\[0\]\.image/);
        const [, , , known] = everyWorkload({ containers: [{ name: "app", image: "a@sha256:abc" }, { name: "ok", image: "a:1" }] });
        const onManifest = checkResource(policy, known.type, known.props).violations;
        assert.strictEqual(onManifest.length, 1);
        assert.deepStrictEqual(checkResource(policy, known.type, liveObject(known.props, { status: { replicas: 1 } }), { dryRun: false }).violations, onManifest);
    });

    it("skips absent images, flags wrong types, leaves unknowns to the SDK", () => {
        assert.deepStrictEqual(checkResource(policy, "kubernetes:core/v1:Pod", { spec: { containers: [{ name: "app" }] } }).violations, []);
        assert.match(checkResource(policy, "kubernetes:core/v1:Pod", { spec: { containers: [{ name: "app", image: 3 }] } }).violations[0], /is 3 on container "app", which is not a valid/);
        const [pod] = everyWorkload({ containers: [{ name: "app", image: unknownValue("string") }] });
        assert.ok(checkResource(policy, pod.type, pod.props).unknown);
    });
});
