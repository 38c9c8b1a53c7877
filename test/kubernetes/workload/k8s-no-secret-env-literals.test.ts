import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sNoSecretEnvLiterals as policy, looksLikeCredential } from "../../../policies/kubernetes/workload/k8s-no-secret-env-literals";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../../fixtures/workloads";
import { itFlagsInEveryWorkload, type WorkloadCase } from "../../fixtures/workload-cases";
import { checkResource } from "../../harness";

const fromSecret = { secretKeyRef: { name: "db", key: "password" } };
const hardened: PodSpecInput = {
    containers: [{ name: "app", env: [{ name: "DB_PASSWORD", valueFrom: fromSecret }, { name: "LOG_LEVEL", value: "info" }, { name: "KEYCLOAK_URL", value: "https://id" }] }],
    initContainers: [{ name: "setup", env: [{ name: "API_TOKEN", valueFrom: fromSecret }] }],
};

describe("k8s-no-secret-env-literals", () => {
    it("recognizes credential-like names by word", () => {
        for (const name of ["DB_PASSWORD", "dbPassword", "api-key", "API_KEY", "APIKEY", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "SMTP_PASS", "privateKey", "GOOGLE_CREDENTIALS"]) assert.ok(looksLikeCredential(name), name);
        for (const name of ["LOG_LEVEL", "KEYCLOAK_URL", "MONKEY", "PATH", "TOKENIZER_MODEL", "SECRETARY_EMAIL"]) assert.ok(!looksLikeCredential(name), name);
    });

    for (const w of [...everyWorkload(hardened), ...patchWorkloads(hardened)]) {
        it(`passes secrets from valueFrom in a ${w.kind}`, () => {
            assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, []);
        });
    }

    const cases: WorkloadCase[] = [
        ["a container", { containers: [{ name: "app", env: [{ name: "DB_PASSWORD", value: "hunter2" }] }] }, /containers\[0\]\.env\[0\]\.value holds a literal value for "DB_PASSWORD" on container "app"/],
        ["an init container", { containers: [{ name: "app" }], initContainers: [{ name: "setup", env: [{ name: "X", value: "1" }, { name: "apiKey", value: "abc" }] }] }, /initContainers\[0\]\.env\[1\]\.value .*"apiKey" on init container "setup"/],
        ["an ephemeral container", { containers: [{ name: "app" }], ephemeralContainers: [{ name: "debug", env: [{ name: "TOKEN", value: "t" }] }] }, /ephemeralContainers\[0\]\.env\[0\]/],
    ];
    itFlagsInEveryWorkload(policy, cases, { patches: true, title: (what, kind) => `flags a literal credential in ${what} of a ${kind}` });

    it("skips empty values and names listed in ignoreNames", () => {
        const [pod] = everyWorkload({ containers: [{ name: "app", env: [{ name: "DB_PASSWORD", value: "" }, { name: "PUBLIC_KEY_ID", value: "k1" }] }] });
        assert.strictEqual(checkResource(policy, pod.type, pod.props).violations.length, 1);
        assert.deepStrictEqual(checkResource(policy, pod.type, pod.props, { config: { ignoreNames: ["PUBLIC_KEY_*"] } }).violations, []);
    });

    it("survives odd shapes and leaves unknowns to the SDK", () => {
        assert.deepStrictEqual(checkResource(policy, "kubernetes:core/v1:Pod", { spec: { containers: [{ env: "x" }, { env: [null, { name: 3, value: "x" }] }] } }).violations, []);
        // Presence decides: a value computed from another resource is still a literal in the manifest.
        const [pod] = everyWorkload({ containers: [{ name: "app", env: [{ name: "DB_PASSWORD", value: unknownValue("string") }] }] });
        const r = checkResource(policy, pod.type, pod.props);
        assert.deepStrictEqual(r.violations, ['Pod "shop/web": spec.containers[0].env[0].value holds a literal value, computed from another resource, for "DB_PASSWORD" on container "app", so the credential sits in the manifest and the Pulumi state. Fix: move it to a Secret and use valueFrom.secretKeyRef']);
        assert.strictEqual(r.unknown, undefined);
        // A name unknown in a preview may or may not be a credential's: deferred, naming it; the next entry is judged.
        const [named] = everyWorkload({ containers: [{ name: "app", env: [{ name: unknownValue("string"), value: "x" }, { name: "API_TOKEN", value: "abc" }] }] });
        const n = checkResource(policy, named.type, named.props);
        assert.match(n.unknown ?? "", /spec\.containers\[0\]\.env\[0\]\.name is computed/);
        assert.strictEqual(n.violations.length, 1);
    });
});
