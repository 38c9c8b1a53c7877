import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sNoSecretsInEnv as policy } from "../../../policies/kubernetes/workload/k8s-no-secrets-in-env";
import { liveObject } from "../../fixtures/live-object";
import { everyWorkload, patchWorkloads, type PodSpecInput } from "../../fixtures/workloads";
import { itFlagsInEveryWorkload, type WorkloadCase } from "../../fixtures/workload-cases";
import { checkResource } from "../../harness";

const hardened: PodSpecInput = {
    containers: [{
        name: "app",
        env: [
            { name: "DB_PASSWORD_FILE", value: "/var/run/secrets/db/password" },
            { name: "LOG_LEVEL", valueFrom: { configMapKeyRef: { name: "app", key: "log-level" } } },
            { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
        ],
        envFrom: [{ configMapRef: { name: "app" } }],
        volumeMounts: [{ name: "db", mountPath: "/var/run/secrets/db", readOnly: true }],
    }],
    volumes: [{ name: "db", secret: { secretName: "db" } }],
};

describe("k8s-no-secrets-in-env", () => {
    it("is advisory and cites CIS Kubernetes 5.4.1", () => {
        assert.strictEqual(policy.enforcementLevel, "advisory");
        assert.strictEqual(policy.framework?.reference, "5.4.1");
    });

    for (const w of [...everyWorkload(hardened), ...patchWorkloads(hardened)]) {
        it(`passes Secrets mounted as files, ConfigMaps and the downward API in a ${w.kind}`, () => {
            assert.deepStrictEqual(checkResource(policy, w.type, w.props).violations, []);
        });
    }

    const cases: WorkloadCase[] = [
        ["secretKeyRef in a container", { containers: [{ name: "app", env: [{ name: "X", value: "1" }, { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }] }] },
            /containers\[0\]\.env\[1\]\.valueFrom\.secretKeyRef reads key "password" of Secret "db" into environment variable "DB_PASSWORD" of container "app"; environment variables leak.*Fix: mount the Secret as a volume/],
        ["envFrom secretRef in an init container", { containers: [{ name: "app" }], initContainers: [{ name: "setup", envFrom: [{ configMapRef: { name: "c" } }, { secretRef: { name: "db", optional: true } }] }] },
            /initContainers\[0\]\.envFrom\[1\]\.secretRef loads every key of Secret "db" into the environment of init container "setup"/],
        ["secretKeyRef in an ephemeral container", { containers: [{ name: "app" }], ephemeralContainers: [{ name: "debug", env: [{ name: "T", valueFrom: { secretKeyRef: { name: "t", key: "k" } } }] }] }, /ephemeralContainers\[0\]\.env\[0\]/],
    ];
    itFlagsInEveryWorkload(policy, cases, { patches: true, title: (what, kind) => `flags ${what} of a ${kind}` });

    it("survives wrong types and absent fields", () => {
        const odd = { spec: { containers: [{ env: "x", envFrom: {} }, { env: [null, { valueFrom: "x" }, { valueFrom: { secretKeyRef: "db" } }], envFrom: [null, { secretRef: 3 }] }] } };
        assert.deepStrictEqual(checkResource(policy, "kubernetes:core/v1:Pod", odd).violations, []);
        const r = checkResource(policy, "kubernetes:core/v1:Pod", { spec: { containers: [{ name: "app", env: [{ valueFrom: { secretKeyRef: { name: 7 } } }] }] } });
        assert.match(r.violations[0], /reads key absent of Secret 7 into environment variable absent of container "app"/);
    });

    it("in a preview: defers an unknown entry or list and still reports the others, naming the Secret even when its name is computed", () => {
        const [, , , deployment] = everyWorkload({
            containers: [{
                name: "app",
                env: [{ name: "A", valueFrom: unknownValue("object") }, { name: "B", valueFrom: { secretKeyRef: { name: unknownValue("string"), key: "k" } } }],
                envFrom: unknownValue("array"),
            }],
        });
        const r = checkResource(policy, deployment.type, deployment.props);
        assert.strictEqual(r.violations.length, 1, r.violations.join("\n"));
        assert.match(r.violations[0], /env\[1\]\.valueFrom\.secretKeyRef reads key "k" of Secret \(unknown until deploy\) into environment variable "B"/);
        assert.match(r.unknown ?? "", /containers\[0\]\.env\[0\]\.valueFrom/);
        assert.match(r.unknown ?? "", /containers\[0\]\.envFrom/);
    });

    it("judges the live object like the manifest; not applicable to other kinds", () => {
        const [, , , deployment] = everyWorkload({ containers: [{ name: "app", envFrom: [{ secretRef: { name: "db" } }] }] });
        const live = liveObject(deployment.props, { status: { replicas: 1, availableReplicas: 1 } });
        assert.deepStrictEqual(checkResource(policy, deployment.type, live, { dryRun: false }).violations, checkResource(policy, deployment.type, deployment.props).violations);
        assert.match(checkResource(policy, "kubernetes:core/v1:Secret", {}).notApplicable ?? "", /does not apply/);
    });
});
