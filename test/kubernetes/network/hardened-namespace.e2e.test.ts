// End to end: the hardened namespace example passes every policy through the engine runner, and each
// single weakening of it is caught by the policy that owns that control.
import * as assert from "assert";
import { networkPolicies } from "../../../policies/kubernetes/network";
import { workloadPolicies } from "../../../policies/kubernetes/workload";
import { exampleManifests, type Manifest, manifestResources, policiesReported, useRunner } from "../../e2e";


const hardened = () => exampleManifests("kubernetes/network-hardened.yaml");
const find = (objects: Manifest[], kind: string, name?: string) => {
    const found = objects.find((o) => o.kind === kind && (name === undefined || o.metadata?.name === name));
    if (!found) throw new Error(`no ${kind} ${name ?? ""} in the example`);
    return found;
};
const web = (objects: Manifest[]) => find(objects, "Deployment").spec.template.spec.containers[0];

/** Each weakening edits a fresh copy of the hardened stack; `expected` must all report. */
const weakenings: { what: string; edit: (objects: Manifest[]) => Manifest[]; expected: string[] }[] = [
    { what: "no NetworkPolicies", edit: (o) => o.filter((x) => x.kind !== "NetworkPolicy"), expected: ["k8s-network-default-deny-ingress", "k8s-block-metadata-egress"] },
    {
        what: "an allow-all ingress rule",
        edit: (o) => (find(o, "NetworkPolicy", "web-traffic").spec.ingress.push({}), o),
        expected: ["k8s-network-default-deny-ingress", "k8s-network-policy-not-allow-all"],
    },
    {
        what: "the metadata `except` removed",
        edit: (o) => (delete find(o, "NetworkPolicy", "web-traffic").spec.egress[1].to[0].ipBlock.except, o),
        expected: ["k8s-block-metadata-egress", "k8s-network-policy-not-allow-all"],
    },
    {
        what: "egress no longer restricted",
        edit: (o) => {
            for (const p of o.filter((x) => x.kind === "NetworkPolicy")) {
                p.spec.policyTypes = ["Ingress"];
                delete p.spec.egress;
            }
            return o;
        },
        expected: ["k8s-block-metadata-egress"],
    },
    { what: "hostNetwork pods", edit: (o) => ((find(o, "Deployment").spec.template.spec.hostNetwork = true), o), expected: ["k8s-block-metadata-egress"] },
    { what: "a public LoadBalancer", edit: (o) => ((find(o, "Service").spec.type = "LoadBalancer"), o), expected: ["k8s-loadbalancer-internal"] },
    { what: "a NodePort Service", edit: (o) => ((find(o, "Service").spec.type = "NodePort"), o), expected: ["k8s-no-nodeport-services"] },
    { what: "externalIPs", edit: (o) => ((find(o, "Service").spec.externalIPs = ["203.0.113.10"]), o), expected: ["k8s-no-service-external-ips"] },
    { what: "an Ingress without TLS", edit: (o) => (delete find(o, "Ingress").spec.tls, o), expected: ["k8s-ingress-tls"] },
    {
        what: "an nginx snippet annotation",
        edit: (o) => ((find(o, "Ingress").metadata.annotations = { "nginx.ingress.kubernetes.io/server-snippet": "location /x {}" }), o),
        expected: ["k8s-ingress-no-snippet-annotations"],
    },
    { what: "a beta Ingress API", edit: (o) => ((find(o, "Ingress").apiVersion = "networking.k8s.io/v1beta1"), o), expected: ["k8s-no-alpha-beta-api-versions"] },
    { what: "no ResourceQuota", edit: (o) => o.filter((x) => x.kind !== "ResourceQuota"), expected: ["k8s-namespace-quota-and-limits"] },
    { what: "no LimitRange", edit: (o) => o.filter((x) => x.kind !== "LimitRange"), expected: ["k8s-namespace-quota-and-limits"] },
    { what: "no pod-security enforce label", edit: (o) => ((find(o, "Namespace").metadata.labels = {}), o), expected: ["k8s-namespace-pss-enforce-label"] },
    { what: "the Deployment in the default namespace", edit: (o) => (delete find(o, "Deployment").metadata.namespace, o), expected: ["k8s-no-default-namespace", "k8s-network-default-deny-ingress"] },
    { what: "no resource requests", edit: (o) => (delete web(o).resources.requests, delete web(o).resources.limits.cpu, o), expected: ["k8s-container-resources"] },
    { what: "a writable root filesystem", edit: (o) => ((web(o).securityContext.readOnlyRootFilesystem = false), o), expected: ["k8s-readonly-root-filesystem"] },
    { what: "no liveness probe", edit: (o) => (delete web(o).livenessProbe, o), expected: ["k8s-liveness-readiness-probes"] },
    { what: "a literal password", edit: (o) => ((web(o).env = [{ name: "DB_PASSWORD", value: "hunter2" }]), o), expected: ["k8s-no-secret-env-literals"] },
    {
        what: "the containerd socket mounted",
        edit: (o) => {
            find(o, "Deployment").spec.template.spec.volumes.push({ name: "cri", hostPath: { path: "/run/containerd/containerd.sock" } });
            return o;
        },
        expected: ["k8s-no-runtime-socket-mount"],
    },
    { what: "the latest tag", edit: (o) => ((web(o).image = "registry.example.com/shop/web:latest"), o), expected: ["k8s-image-tag-pinned", "k8s-image-digest-pinned"] },
    { what: "a tag without digest", edit: (o) => ((web(o).image = "registry.example.com/shop/web:1.4.2"), o), expected: ["k8s-image-digest-pinned", "k8s-image-pull-policy-always"] },
    // Issue 12: credentials by value, malformed digests, removed APIs, ingress settings, storage, env Secrets, root group, Helm.
    { what: "an AWS access key id under a plain name", edit: (o) => (web(o).env.push({ name: "AWS_ID", value: ["AKIA", "IOSFODNN7EXAMPLE"].join("") }), o), expected: ["k8s-no-secret-env-literals"] },
    { what: "a malformed digest", edit: (o) => ((web(o).image = "registry.example.com/shop/web:1.4.2@sha256:123456"), o), expected: ["k8s-image-tag-pinned", "k8s-image-digest-pinned"] },
    { what: "a Deployment on extensions/v1beta1", edit: (o) => ((find(o, "Deployment").apiVersion = "extensions/v1beta1"), o), expected: ["k8s-no-removed-api-versions", "k8s-no-alpha-beta-api-versions"] },
    {
        what: "an NGINX Inc. snippet annotation",
        edit: (o) => ((find(o, "Ingress").metadata.annotations = { "nginx.org/location-snippets": "add_header X-Debug on;" }), o),
        expected: ["k8s-ingress-no-snippet-annotations"],
    },
    { what: "plain HTTP beside TLS", edit: (o) => ((find(o, "Ingress").metadata.annotations = { "kubernetes.io/ingress.allow-http": "true" }), o), expected: ["k8s-ingress-no-allow-http"] },
    {
        what: "an ingress-nginx ConfigMap that allows snippets",
        edit: (o) => [...o, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "ingress-nginx-controller", namespace: "shop" }, data: { "allow-snippet-annotations": "true" } }],
        expected: ["k8s-ingress-nginx-snippets-disabled"],
    },
    { what: "an unencrypted EBS StorageClass", edit: (o) => ((find(o, "StorageClass").parameters = { type: "gp3" }), o), expected: ["k8s-storage-class-encrypted"] },
    { what: "a Secret read into the environment", edit: (o) => (web(o).env.push({ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "web-db", key: "password" } } }), o), expected: ["k8s-no-secrets-in-env"] },
    { what: "the root group", edit: (o) => ((find(o, "Deployment").spec.template.spec.securityContext.runAsGroup = 0), o), expected: ["k8s-no-root-group"] },
    {
        what: "a Helm Release with a password in its values",
        edit: (o) => [...o, { apiVersion: "helm.sh/v3", kind: "Release", name: "db", namespace: "shop", chart: "postgresql", values: { auth: { password: "hunter2" } } }],
        expected: ["k8s-helm-release-unchecked", "k8s-helm-release-no-credentials"],
    },
    {
        what: "an image from an untrusted registry",
        edit: (o) => ((web(o).image = "docker.io/library/nginx:1.27@sha256:3b5f5d8c2a7e4f1b9c0d6e8a1f2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d"), o),
        expected: ["k8s-image-registry-allowed"],
    },
];

describe("hardened namespace (end to end through the engine runner)", () => {
    const runner = useRunner({ "k8s-image-registry-allowed": { allowedRegistries: ["registry.example.com"] } });
    const family = new Set([...networkPolicies, ...workloadPolicies].map((p) => p.name));

    it("passes clean: no policy of the pack reports anything", async () => {
        const evaluation = await runner().evaluate(manifestResources(hardened()));
        for (const r of evaluation.resources) assert.deepStrictEqual(policiesReported(r.result), [], r.resource.name);
        assert.deepStrictEqual(policiesReported(evaluation.stack), []);
        // The stack policies did run (they were applicable), rather than being skipped.
        for (const name of ["k8s-network-default-deny-ingress", "k8s-block-metadata-egress", "k8s-namespace-quota-and-limits"]) {
            assert.ok(!evaluation.stack.notApplicable.some((n) => n.policyName === name), name);
        }
    });

    for (const w of weakenings) {
        it(`catches ${w.what}`, async () => {
            const evaluation = await runner().evaluate(manifestResources(w.edit(hardened())));
            const reported = new Set([...evaluation.resources.flatMap((r) => policiesReported(r.result)), ...policiesReported(evaluation.stack)]);
            for (const name of w.expected) {
                assert.ok(family.has(name), `${name} is a network or workload policy`);
                assert.ok(reported.has(name), `${name} should report; reported: ${[...reported].join(", ")}`);
            }
        });
    }

    it("reports the insecure example under many policies", async () => {
        const evaluation = await runner().evaluate(manifestResources(exampleManifests("kubernetes/network-insecure.yaml")));
        const reported = new Set([...evaluation.resources.flatMap((r) => policiesReported(r.result)), ...policiesReported(evaluation.stack)]);
        const missing = [...family].filter((n) => n !== "k8s-image-registry-allowed" && !reported.has(n));
        assert.deepStrictEqual(missing, []);
    });
});
