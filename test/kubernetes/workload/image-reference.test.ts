import * as assert from "assert";
import { effectiveTag, parseImageReference } from "../../../policies/kubernetes/workload/image-reference";

const digest = "sha256:3b5f5d8c2a7e4f1b9c0d6e8a1f2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";

describe("kubernetes/workload/image-reference", () => {
    it("normalizes Docker Hub short names", () => {
        assert.deepStrictEqual(parseImageReference("nginx"), { text: "nginx", registry: "docker.io", repository: "library/nginx" });
        assert.deepStrictEqual(parseImageReference("acme/app:1.2"), { text: "acme/app:1.2", registry: "docker.io", repository: "acme/app", tag: "1.2" });
        assert.strictEqual(parseImageReference("index.docker.io/library/nginx:1")?.registry, "docker.io");
    });

    it("tells a registry port from a tag", () => {
        assert.deepStrictEqual(parseImageReference("registry.local:5000/team/app"), { text: "registry.local:5000/team/app", registry: "registry.local:5000", repository: "team/app" });
        assert.deepStrictEqual(parseImageReference("localhost:5000/app:dev"), { text: "localhost:5000/app:dev", registry: "localhost:5000", repository: "app", tag: "dev" });
        assert.strictEqual(parseImageReference("localhost/app")?.registry, "localhost");
    });

    it("reads digests, with and without tag", () => {
        const both = parseImageReference(`123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:1.4.2@${digest}`);
        assert.deepStrictEqual(both, { text: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:1.4.2@${digest}`, registry: "123456789012.dkr.ecr.eu-west-1.amazonaws.com", repository: "shop/web", tag: "1.4.2", digest });
        assert.strictEqual(parseImageReference(`gcr.io/p/app@${digest}`)?.digest, digest);
        assert.strictEqual(effectiveTag(parseImageReference(`gcr.io/p/app@${digest}`)!), undefined);
        assert.strictEqual(effectiveTag(parseImageReference("gcr.io/p/app")!), "latest");
    });

    it("rejects what is not an image reference", () => {
        for (const bad of ["", " ", "Nginx Latest", "app@sha256:short", "app:", "app:bad tag", "Upper:1", "a//b", 3, null, undefined, {}]) {
            assert.strictEqual(parseImageReference(bad), undefined, JSON.stringify(bad));
        }
    });
});
