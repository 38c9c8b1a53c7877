// Through the engine runner in a preview: each Kubernetes check added for issue 12 reports what it can
// judge and defers, as an advisory note naming the field, only what is unknown until deploy.
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { isDeferral, type PolicyDiagnostic, type ResourceInput } from "../../engine/runner";
import { everyWorkload } from "../fixtures/workloads";
import { useRunner } from "../e2e";

const deployment = everyWorkload({
    securityContext: { runAsGroup: unknownValue("number"), fsGroup: 0 },
    containers: [{
        name: "app",
        image: unknownValue("string"),
        env: [
            { name: "DB_HOST", value: unknownValue("string") },
            { name: "API_TOKEN", value: "t0ken" },
            { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: unknownValue("string"), key: "password" } } },
        ],
    }, { name: "side", image: "registry.example.com/side:1.0@sha256:123456" }],
})[3];

const resources: ResourceInput[] = [
    { type: deployment.type, name: "web", props: deployment.props },
    {
        type: "kubernetes:storage.k8s.io/v1:StorageClass",
        name: "gp3",
        props: { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "gp3" }, provisioner: "ebs.csi.aws.com", parameters: { type: "gp3", encrypted: unknownValue("string") } },
    },
    {
        type: "kubernetes:networking.k8s.io/v1:Ingress",
        name: "web-ingress",
        props: { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "web", namespace: "shop", annotations: { "kubernetes.io/ingress.allow-http": "true", "nginx.org/server-snippets": "x" } }, spec: { tls: unknownValue("array") } },
    },
    {
        type: "kubernetes:core/v1:ConfigMap",
        name: "controller",
        props: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "ingress-nginx-controller", namespace: "ingress-nginx" }, data: { "allow-snippet-annotations": unknownValue("string") } },
    },
    { type: "kubernetes:helm.sh/v3:Release", name: "db", props: { chart: "postgresql", values: { auth: { password: unknownValue("string"), host: unknownValue("string") } } } },
    { type: "kubernetes:policy/v1beta1:PodDisruptionBudget", name: "pdb", props: { apiVersion: "policy/v1beta1", kind: "PodDisruptionBudget", metadata: { name: "web", namespace: "shop" }, spec: unknownValue("object") } },
    {
        type: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
        name: "lb",
        props: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "lb" }, rules: [{ apiGroups: [""], resources: ["services/status"], verbs: ["patch"] }] },
    },
];

const policies = [
    "k8s-no-secret-env-literals", "k8s-image-tag-pinned", "k8s-image-digest-pinned", "k8s-no-removed-api-versions", "k8s-ingress-no-snippet-annotations",
    "k8s-ingress-no-allow-http", "k8s-ingress-nginx-snippets-disabled", "k8s-storage-class-encrypted", "k8s-no-secrets-in-env", "k8s-rbac-no-service-status-write",
    "k8s-no-root-group", "k8s-helm-release-unchecked", "k8s-helm-release-no-credentials",
];

describe("Kubernetes checks of issue 12 in a preview (end to end through the engine runner)", () => {
    const runner = useRunner();
    let diagnostics: PolicyDiagnostic[] = [];
    before(async function () {
        this.timeout(120_000);
        const evaluation = await runner().evaluate(resources);
        diagnostics = [...evaluation.resources.flatMap((r) => r.result.diagnostics), ...evaluation.stack.diagnostics].filter((d) => policies.includes(d.policyName));
    });
    const findings = (policy: string) => diagnostics.filter((d) => d.policyName === policy && !isDeferral(d)).map((d) => d.message);
    const deferrals = (policy: string) => diagnostics.filter((d) => d.policyName === policy && isDeferral(d)).map((d) => d.message);

    it("reports what is known and defers only the unknown field, for each check", () => {
        const expected: [string, RegExp[], RegExp[]][] = [
            ["k8s-no-secret-env-literals", [/env\[1\]\.value holds a literal value for "API_TOKEN"/], [/env\[0\]\.value is computed from another resource/]],
            ["k8s-image-tag-pinned", [/containers\[1\]\.image .*the digest is malformed/], [/containers\[0\]\.image/]],
            ["k8s-image-digest-pinned", [/containers\[1\]\.image .*the digest is malformed/], [/containers\[0\]\.image/]],
            ["k8s-no-secrets-in-env", [/env\[2\]\.valueFrom\.secretKeyRef reads key "password" of Secret \(unknown until deploy\)/], []],
            ["k8s-no-root-group", [/securityContext\.fsGroup is 0/], [/securityContext\.runAsGroup/]],
            ["k8s-storage-class-encrypted", [], [/StorageClass "gp3": parameters\.encrypted/]],
            ["k8s-ingress-no-snippet-annotations", [/nginx\.org\/server-snippets"\] is set/], []],
            ["k8s-ingress-no-allow-http", [], [/Ingress "shop\/web": spec\.tls is computed/]],
            ["k8s-ingress-nginx-snippets-disabled", [], [/data\["allow-snippet-annotations"\]/]],
            ["k8s-helm-release-unchecked", [/chart is "postgresql": the Kubernetes provider renders/], []],
            ["k8s-helm-release-no-credentials", [/values\.auth\.password holds a credential, computed from another resource/], [/values\.auth\.host is computed/]],
            ["k8s-no-removed-api-versions", [/PodDisruptionBudget "shop\/web": apiVersion is "policy\/v1beta1", which Kubernetes stopped serving/], []],
            ["k8s-rbac-no-service-status-write", [/rules\[0\] grants patch on services\/status/], []],
        ];
        for (const [policy, found, deferred] of expected) {
            const got = findings(policy);
            assert.strictEqual(got.length, found.length, `${policy}: ${got.join("\n")}`);
            found.forEach((re, i) => assert.match(got[i], re, policy));
            const notes = deferrals(policy);
            assert.strictEqual(notes.length, deferred.length, `${policy}: ${notes.join("\n")}`);
            deferred.forEach((re, i) => assert.match(notes[i], re, policy));
        }
    });

    it("keeps deferrals advisory and findings at each policy's level", () => {
        for (const d of diagnostics.filter(isDeferral)) assert.strictEqual(d.enforcementLevel, "advisory", d.message);
        const level = (policy: string) => diagnostics.find((d) => d.policyName === policy && !isDeferral(d))?.enforcementLevel;
        assert.strictEqual(level("k8s-no-removed-api-versions"), "mandatory");
        assert.strictEqual(level("k8s-no-root-group"), "advisory");
        assert.strictEqual(level("k8s-rbac-no-service-status-write"), "mandatory");
    });
});
