import * as assert from "assert";
import { digestProblem, effectiveTag, parseImageReference } from "../../../policies/kubernetes/workload/image-reference";

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
        for (const bad of ["", " ", "Nginx Latest", "app:", "app:bad tag", "Upper:1", "a//b", "Upper@sha256:short", 3, null, undefined, {}]) {
            assert.strictEqual(parseImageReference(bad), undefined, JSON.stringify(bad));
        }
    });

    it("checks digests against the OCI grammar and the registered algorithms (sha256: 64, sha512: 128 lowercase hex)", () => {
        assert.strictEqual(digestProblem(digest), undefined);
        assert.strictEqual(digestProblem(`sha512:${"ab".repeat(64)}`), undefined);
        const malformed: [string, RegExp][] = [
            ["sha256:123456", /a sha256 digest has 64 hex characters, and this one has 6/],
            [`sha256:${"a".repeat(65)}`, /64 hex characters, and this one has 65/],
            [`sha512:${"a".repeat(64)}`, /a sha512 digest has 128 hex characters, and this one has 64/],
            [`sha256:${"A".repeat(64)}`, /a sha256 digest is lowercase hex, and this one has uppercase letters/],
            [`sha256:${"g".repeat(64)}`, /characters that are not hex/],
            [`md5:${"a".repeat(32)}`, /"md5" is not a registered digest algorithm \(sha256, sha512\)/],
            [`sha384:${"a".repeat(96)}`, /"sha384" is not a registered/],
            [`multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8`, /"multihash\+base58" is not a registered/],
            ["sha256", /is not of the form <algorithm>:<encoded>/],
            ["SHA256:abc", /is not of the form/],
            ["", /is not of the form/],
        ];
        for (const [text, expected] of malformed) assert.match(digestProblem(text) ?? "", expected, text);
    });

    it("keeps a reference with a malformed digest, marking it", () => {
        const image = parseImageReference("app:1.0@sha256:short");
        assert.deepStrictEqual(image, { text: "app:1.0@sha256:short", registry: "docker.io", repository: "library/app", tag: "1.0", digest: "sha256:short", malformedDigest: "a sha256 digest is lowercase hex, and this one has characters that are not hex" });
        assert.strictEqual(parseImageReference(`app@${digest}`)?.malformedDigest, undefined);
    });
});
