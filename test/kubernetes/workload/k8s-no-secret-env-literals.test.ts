import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sNoSecretEnvLiterals as policy } from "../../../policies/kubernetes/workload/k8s-no-secret-env-literals";
import { liveObject } from "../../fixtures/live-object";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../../fixtures/workloads";
import { itFlagsInEveryWorkload, type WorkloadCase } from "../../fixtures/workload-cases";
import { checkResource } from "../../harness";

// Credential-shaped test values are assembled at run time, so none sits in the repository as a literal.
const awsKeyId = ["AKIA", "IOSFODNN7EXAMPLE"].join("");
const pem = ["-----BEGIN PRIVATE", " KEY-----\nMIIEvQ...\n-----END PRIVATE KEY-----"].join("");

const fromSecret = { secretKeyRef: { name: "db", key: "password" } };
const hardened: PodSpecInput = {
    containers: [{
        name: "app",
        env: [
            { name: "DB_PASSWORD", valueFrom: fromSecret },
            { name: "LOG_LEVEL", value: "info" },
            { name: "KEYCLOAK_URL", value: "https://id" },
            { name: "GOOGLE_APPLICATION_CREDENTIALS", value: "/var/secrets/google/key.json" },
            { name: "DB_PASSWORD_FILE", value: "/var/run/secrets/db/password" },
            { name: "TLS_KEY_PATH", value: "/etc/tls/tls.key" },
            { name: "SSH_KEY_DIR", value: "/etc/ssh" },
            { name: "AUTH_URL", value: "https://id.example.com/token" },
            { name: "DATABASE_URL", value: "postgres://app:$(DB_PASSWORD)@db:5432/shop" },
            { name: "API_TOKEN", value: "$(TOKEN_FROM_SECRET)" },
            { name: "PWD", value: "/app" },
        ],
    }],
    initContainers: [{ name: "setup", env: [{ name: "API_TOKEN", valueFrom: fromSecret }] }],
};

describe("k8s-no-secret-env-literals", () => {
    for (const w of [...everyWorkload(hardened), ...patchWorkloads(hardened)]) {
        it(`passes secrets from valueFrom, file paths and references in a ${w.kind}`, () => {
            assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, []);
        });
    }

    const cases: WorkloadCase[] = [
        ["a container", { containers: [{ name: "app", env: [{ name: "DB_PASSWORD", value: "hunter2" }] }] }, /containers\[0\]\.env\[0\]\.value holds a literal value for "DB_PASSWORD" on container "app" \(its name marks a credential\)/],
        ["an init container", { containers: [{ name: "app" }], initContainers: [{ name: "setup", env: [{ name: "X", value: "1" }, { name: "apiKey", value: "abc" }] }] }, /initContainers\[0\]\.env\[1\]\.value .*"apiKey" on init container "setup"/],
        ["an ephemeral container", { containers: [{ name: "app" }], ephemeralContainers: [{ name: "debug", env: [{ name: "TOKEN", value: "t" }] }] }, /ephemeralContainers\[0\]\.env\[0\]/],
        ["an AWS access key id under a plain name", { containers: [{ name: "app", env: [{ name: "AWS_ID", value: awsKeyId }] }] }, /"AWS_ID" on container "app" \(its text looks like an AWS access key id\)/],
        ["a PEM private key", { containers: [{ name: "app", env: [{ name: "TLS", value: pem }] }] }, /\(its text looks like a PEM private key\)/],
    ];
    itFlagsInEveryWorkload(policy, cases, { patches: true, title: (what, kind) => `flags a literal credential in ${what} of a ${kind}` });

    it("flags the common names PWD, PASSWD, AUTH and API_KEY, and credentials recognisable by their value", () => {
        const env = [
            { name: "MYSQL_PWD", value: "x1" }, { name: "PASSWD", value: "x2" }, { name: "REDIS_AUTH", value: "x3" }, { name: "API_KEY", value: "x4" },
            { name: "AUTHORIZATION", value: "Bearer abcdefghijklmnop0123" }, { name: "DATABASE_URL", value: "postgres://app:s3cret@db/shop" },
            { name: "SQL", value: "Server=db;User Id=app;Password=s3cret;" },
        ];
        const [pod] = everyWorkload({ containers: [{ name: "app", env }] });
        const r = checkResource(policy, pod.type, pod.props);
        assert.deepStrictEqual(r.violations.map((v) => v.match(/env\[(\d)\]/)![1]), ["0", "1", "2", "3", "4", "5", "6"]);
        assert.match(r.violations[4], /looks like a bearer token/);
        assert.match(r.violations[5], /looks like a URL with an embedded password/);
        assert.match(r.violations[6], /looks like a connection string with a password/);
    });

    it("never echoes the value", () => {
        const [pod] = everyWorkload({ containers: [{ name: "app", env: [{ name: "DB_PASSWORD", value: "hunter2" }, { name: "K", value: pem }, { name: "I", value: awsKeyId }] }] });
        const messages = checkResource(policy, pod.type, pod.props).violations.join("\n");
        for (const value of ["hunter2", "MIIEvQ", awsKeyId]) assert.ok(!messages.includes(value), value);
    });

    it("skips empty values and names listed in ignoreNames, also for value patterns", () => {
        const [pod] = everyWorkload({ containers: [{ name: "app", env: [{ name: "DB_PASSWORD", value: "" }, { name: "PUBLIC_KEY_ID", value: "k1" }, { name: "SAMPLE_JWT_KEY", value: awsKeyId }] }] });
        assert.strictEqual(checkResource(policy, pod.type, pod.props).violations.length, 2);
        assert.deepStrictEqual(checkResource(policy, pod.type, pod.props, { config: { ignoreNames: ["PUBLIC_KEY_*", "SAMPLE_*"] } }).violations, []);
    });

    it("judges wrong types: a number under a credential name is a literal; objects, booleans and odd shapes are not", () => {
        const [pod] = everyWorkload({ containers: [{ name: "app", env: [{ name: "DB_PASSWORD", value: 123456 as unknown as string }, { name: "API_TOKEN", value: true as unknown as string }, { name: "SECRET", value: { a: 1 } as unknown as string }] }] });
        const r = checkResource(policy, pod.type, pod.props);
        assert.strictEqual(r.violations.length, 1, r.violations.join("\n"));
        assert.match(r.violations[0], /env\[0\]\.value holds a literal value for "DB_PASSWORD"/);
        assert.deepStrictEqual(checkResource(policy, "kubernetes:core/v1:Pod", { spec: { containers: [{ env: "x" }, { env: [null, { name: 3, value: "x" }] }] } }).violations, []);
        assert.deepStrictEqual(checkResource(policy, "kubernetes:core/v1:Pod", { spec: { containers: [{ name: "app" }] } }).violations, []);
    });

    it("in a preview: defers a computed value it must read, flags a computed value under a credential's name, keeps other findings", () => {
        const [pod] = everyWorkload({
            containers: [{
                name: "app",
                env: [
                    { name: "DB_HOST", value: unknownValue("string") },
                    { name: "DB_PASSWORD", value: unknownValue("string") },
                    { name: "API_TOKEN", value: "t0ken" },
                    { name: unknownValue("string"), value: "info" },
                    { name: unknownValue("string"), value: awsKeyId },
                ],
            }],
        });
        const r = checkResource(policy, pod.type, pod.props);
        assert.strictEqual(r.violations.length, 3, r.violations.join("\n"));
        assert.match(r.violations[0], /env\[1\]\.value holds a literal value, computed from another resource, for "DB_PASSWORD"/);
        assert.match(r.violations[1], /env\[2\]\.value .*"API_TOKEN"/);
        assert.match(r.violations[2], /env\[4\]\.value holds a literal value for env\[4\] .*AWS access key id/);
        assert.match(r.unknown ?? "", /spec\.containers\[0\]\.env\[0\]\.value is computed from another resource, so its text cannot be checked/);
        assert.match(r.unknown ?? "", /spec\.containers\[0\]\.env\[3\]\.name is computed from another resource/);
        const whole = everyWorkload({ containers: [{ name: "app", env: unknownValue("array") }, { name: "b", env: [{ name: "TOKEN", value: "x" }] }] })[3];
        const partial = checkResource(policy, whole.type, whole.props);
        assert.strictEqual(partial.violations.length, 1);
        assert.match(partial.unknown ?? "", /containers\[0\]\.env/);
    });

    it("gives the same verdict on the live object (status, managedFields, defaults)", () => {
        const [, , , deployment] = everyWorkload({ containers: [{ name: "app", env: [{ name: "DB_PASSWORD", value: "hunter2" }, { name: "DB_PASSWORD_FILE", value: "/var/run/secrets/db/password" }] }] });
        const live = liveObject(deployment.props, { status: { replicas: 1, readyReplicas: 1 }, defaults: { spec: { ...(deployment.props as { spec: object }).spec, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 } } });
        const onManifest = checkResource(policy, deployment.type, deployment.props).violations;
        assert.strictEqual(onManifest.length, 1);
        assert.deepStrictEqual(checkResource(policy, deployment.type, live, { dryRun: false }).violations, onManifest);
    });

    it("is not applicable to other kinds", () => {
        assert.match(checkResource(policy, "kubernetes:core/v1:ConfigMap", { data: { DB_PASSWORD: "x" } }).notApplicable ?? "", /does not apply/);
    });
});
