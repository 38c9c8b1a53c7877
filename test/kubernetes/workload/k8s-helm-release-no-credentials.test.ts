import * as assert from "assert";
import type { ReleaseArgs } from "@pulumi/kubernetes/helm/v3/release";
import { unknownValue } from "../../../engine/wire";
import { k8sHelmReleaseNoCredentials as policy } from "../../../policies/kubernetes/workload/k8s-helm-release-no-credentials";
import { valueLeaves } from "../../../policies/kubernetes/workload/helm-release";
import { checkResource, wireProps } from "../../harness";

const type = "kubernetes:helm.sh/v3:Release";
// Credential-shaped test values are assembled at run time, so none sits in the repository as a literal.
const pem = ["-----BEGIN EC PRIVATE", " KEY-----\nMHcCAQEE...\n-----END EC PRIVATE KEY-----"].join("");
const release = (values: ReleaseArgs["values"]): ReleaseArgs => ({ name: "db", chart: "postgresql", namespace: "data", values });

const hardenedValues = {
    auth: { existingSecret: "db-credentials", secretKeys: { adminPasswordSecretName: "db-admin" }, username: "app", database: "shop" },
    primary: {
        extraEnvVars: [{ name: "LOG_LEVEL", value: "info" }, { name: "DB_PASSWORD_FILE", value: "/opt/bitnami/secrets/password" }],
        tolerations: [{ key: "dedicated", operator: "Equal", value: "db" }],
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/os", operator: "In", values: ["linux"] }] }] } } },
    },
    tls: { enabled: true, secretName: "db-tls" },
    metrics: { enabled: true, serviceMonitor: { interval: "30s" } },
};

describe("k8s-helm-release-no-credentials", () => {
    it("passes values that reference Secrets by name, and ordinary settings", () => {
        assert.deepStrictEqual(checkResource(policy, type, release(hardenedValues)), { violations: [] });
        assert.deepStrictEqual(checkResource(policy, type, release(undefined)).violations, []);
        assert.strictEqual(policy.enforcementLevel, "advisory");
    });

    it("flags literal credentials by key name and by value, without echoing them", () => {
        const r = checkResource(policy, type, release({
            auth: { postgresPassword: "hunter2", username: "app" },
            primary: { extraEnvVars: [{ name: "API_TOKEN", value: "t0ken" }] },
            tls: { key: pem },
            backup: { s3: { url: "s3://bucket" }, target: "postgres://app:s3cret@replica:5432/shop" },
            annotations: { "example.com/token": "abc" },
        }));
        assert.deepStrictEqual(r.violations.map((v) => v.split(" holds ")[0].replace(/^Release "test": /, "")).sort(), [
            'values.annotations["example.com/token"]',
            "values.auth.postgresPassword",
            "values.backup.target",
            "values.primary.extraEnvVars[0].value",
            "values.tls.key",
        ]);
        const byPath = (p: string) => r.violations.find((v) => v.includes(`${p} holds`))!;
        assert.match(byPath("values.auth.postgresPassword"), /holds a credential in the Release's values \(its name marks a credential\): Helm keeps values in the release record.*Fix: put it in a Secret and pass the chart the Secret's name instead \(e\.g\. existingSecret\)$/);
        assert.match(byPath("values.tls.key"), /\(its text looks like a PEM private key\)/);
        assert.match(byPath("values.backup.target"), /\(its text looks like a URL with an embedded password\)/);
        for (const secret of ["hunter2", "t0ken", "MHcCAQEE", "s3cret"]) assert.ok(!r.violations.join("\n").includes(secret), secret);
    });

    it("skips empty values, references, numbers and booleans that are not credentials, and paths in ignoreValuePaths", () => {
        const values = { auth: { password: "", token: "{{ .Values.global.token }}", enabled: true, passwordLength: 32, pin: 1234, apiKey: "12345" } };
        const r = checkResource(policy, type, release(values));
        assert.strictEqual(r.violations.length, 1, r.violations.join("\n"));
        assert.match(r.violations[0], /values\.auth\.apiKey holds/);
        assert.deepStrictEqual(checkResource(policy, type, release(values), { config: { ignoreValuePaths: ["values.auth.apiKey"] } }).violations, []);
    });

    it("in a preview: flags a computed value under a credential's key, defers other computed values, keeps the rest", () => {
        const r = checkResource(policy, type, release({ auth: { password: unknownValue("string"), host: unknownValue("string"), token: "t0ken" }, list: unknownValue("array") }));
        assert.strictEqual(r.violations.length, 2, r.violations.join("\n"));
        assert.match(r.violations[0], /values\.auth\.password holds a credential, computed from another resource, in the Release's values/);
        assert.match(r.unknown ?? "", /values\.auth\.host is computed from another resource, so its text cannot be checked/);
        assert.match(r.unknown ?? "", /values\.list is computed/);
        assert.match(checkResource(policy, type, release(unknownValue("object"))).unknown ?? "", /^Release "test": values is computed from another resource/);
    });

    it("survives wrong types and deep or wide values within bounds", () => {
        for (const values of ["x", 3, [], [null, "password"], { a: null }]) {
            assert.deepStrictEqual(checkResource(policy, type, release(values as unknown as ReleaseArgs["values"])).violations, [], JSON.stringify(values));
        }
        let deep: Record<string, unknown> = { password: "x" };
        for (let i = 0; i < 40; i++) deep = { nested: deep };
        assert.deepStrictEqual(checkResource(policy, type, release(deep)).violations, []);
        const wide = Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`k${i}`, "v"]));
        assert.ok(valueLeaves(wireProps({ values: wide }).values).length <= 5000);
    });

    it("gives the same verdict on the Release's state; not applicable to other types", () => {
        const values = { auth: { postgresPassword: "hunter2" } };
        const state = { ...release(values), status: { status: "deployed", revision: 1, name: "db", namespace: "data", chart: "postgresql", version: "16.0.0" } };
        assert.deepStrictEqual(checkResource(policy, type, state, { dryRun: false }).violations, checkResource(policy, type, release(values)).violations);
        assert.match(checkResource(policy, "kubernetes:helm.sh/v4:Chart", { values }).notApplicable ?? "", /does not apply/);
    });
});
