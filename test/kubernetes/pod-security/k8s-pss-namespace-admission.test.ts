import * as assert from "assert";
import type { NamespaceArgs } from "@pulumi/kubernetes/core/v1/namespace";
import { unknownValue } from "../../../engine/wire";
import { k8sPssNamespaceAdmission as policy } from "../../../policies/kubernetes/pod-security/k8s-pss-namespace-admission";
import { everyWorkload, type PodSpecInput } from "../../fixtures/workloads";
import { checkStack, type StackResourceInput } from "../../harness";
import { hardenedSpec, variant } from "./pss-fixtures";

function namespace(name: string, labels: Record<string, string>): StackResourceInput {
    const ns: NamespaceArgs = { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } };
    return { type: "kubernetes:core/v1:Namespace", name, props: ns };
}

function workloads(spec: PodSpecInput, ns = "shop"): StackResourceInput[] {
    return everyWorkload(spec, { name: "web", namespace: ns }).map((w, i) => ({ type: w.type, name: `w${i}`, props: w.props }));
}

const baselineOnly = variant((s) => {
    delete s.securityContext.runAsNonRoot;
    for (const l of ["containers", "initContainers", "ephemeralContainers"]) delete s[l][0].securityContext;
});

describe("k8s-pss-namespace-admission", () => {
    it("is not applicable without Namespaces in the stack", () => {
        assert.match(checkStack(policy, workloads(hardenedSpec)).notApplicable ?? "", /No resources of type kubernetes:core\/v1:Namespace/);
    });

    it("passes the hardened pod in a restricted namespace, every kind", () => {
        assert.deepStrictEqual(checkStack(policy, [namespace("shop", { "pod-security.kubernetes.io/enforce": "restricted" }), ...workloads(hardenedSpec)]).violations, []);
    });

    it("judges pods at the namespace's level: restricted catches what baseline allows", () => {
        const restricted = checkStack(policy, [namespace("shop", { "pod-security.kubernetes.io/enforce": "restricted" }), ...workloads(baselineOnly)]);
        assert.ok(restricted.violations.length >= 9);
        assert.match(restricted.violations[0].message, /^Pod "shop\/web": .*\[.*; namespace "shop" enforces restricted:latest\]/);
        assert.ok(restricted.violations.some((v) => /allowPrivilegeEscalation/.test(v.message)));
        assert.ok(restricted.violations.every((v) => v.urn?.includes("::w")));
        const baseline = checkStack(policy, [namespace("shop", { "pod-security.kubernetes.io/enforce": "baseline" }), ...workloads(baselineOnly)]);
        assert.deepStrictEqual(baseline.violations, []);
        const privileged = variant((s) => (s.containers[0].securityContext.privileged = true));
        const caught = checkStack(policy, [namespace("shop", { "pod-security.kubernetes.io/enforce": "baseline" }), ...workloads(privileged)]);
        assert.strictEqual(caught.violations.length, 9);
        assert.match(caught.violations[0].message, /privileged is true on container "app".*\[privileged containers; namespace "shop" enforces baseline:latest\]/);
    });

    it("ignores privileged and unlabelled namespaces and pods in other namespaces", () => {
        const privileged = variant((s) => (s.hostNetwork = true));
        assert.deepStrictEqual(checkStack(policy, [namespace("shop", { "pod-security.kubernetes.io/enforce": "privileged" }), ...workloads(privileged)]).violations, []);
        assert.deepStrictEqual(checkStack(policy, [namespace("shop", { team: "a" }), ...workloads(privileged)]).violations, []);
        assert.deepStrictEqual(checkStack(policy, [namespace("other", { "pod-security.kubernetes.io/enforce": "baseline" }), ...workloads(privileged)]).violations, []);
    });

    it("treats a workload without a namespace as in default", () => {
        const [pod] = everyWorkload(variant((s) => (s.hostPID = true)), { name: "web" });
        const r = checkStack(policy, [namespace("default", { "pod-security.kubernetes.io/enforce": "baseline" }), { type: pod.type, name: "p", props: pod.props }]);
        assert.strictEqual(r.violations.length, 1);
    });

    it("applies enforce-version, with PSA's overrides: restricted before v1.22 runs the baseline capabilities check", () => {
        const netRaw = variant((s) => (s.containers[0].securityContext.capabilities = { drop: ["ALL"], add: ["NET_RAW"] }));
        const at = (version: string) => checkStack(policy, [namespace("shop", { "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/enforce-version": version }), ...workloads(netRaw)]).violations;
        assert.match(at("v1.21")[0].message, /allowed: only AUDIT_WRITE.*\[non-default capabilities; namespace "shop" enforces restricted:v1\.21\]/);
        assert.match(at("v1.22")[0].message, /allowed: "NET_BIND_SERVICE" only.*\[unrestricted capabilities; namespace "shop" enforces restricted:v1\.22\]/);
        const sysctl = variant((s) => s.securityContext.sysctls.push({ name: "net.ipv4.tcp_rmem", value: "4096 87380 6291456" }));
        const sys = (version: string) => checkStack(policy, [namespace("shop", { "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/enforce-version": version }), ...workloads(sysctl)]).violations.length;
        assert.strictEqual(sys("v1.31"), 9);
        assert.strictEqual(sys("v1.32"), 0);
    });

    it("uses podSecurityVersion from config when the namespace has no enforce-version", () => {
        const probe = variant((s) => (s.containers[0].livenessProbe.httpGet.host = "10.0.0.1"));
        const stack = [namespace("shop", { "pod-security.kubernetes.io/enforce": "baseline" }), ...workloads(probe)];
        assert.strictEqual(checkStack(policy, stack, { config: { podSecurityVersion: "v1.33" } }).violations.length, 0);
        assert.strictEqual(checkStack(policy, stack, { config: { podSecurityVersion: "v1.34" } }).violations.length, 9);
    });

    it("resolves invalid labels like PSA (restricted, latest) and reports them on the Namespace", () => {
        const r = checkStack(policy, [namespace("shop", { "pod-security.kubernetes.io/enforce": "strict", "pod-security.kubernetes.io/enforce-version": "1.30" }), ...workloads(baselineOnly)]);
        assert.match(r.violations[0].message, /^Namespace "shop": metadata\.labels\["pod-security\.kubernetes\.io\/enforce"\] is "strict", not "privileged", "baseline" or "restricted"; admission then enforces restricted/);
        assert.match(r.violations[1].message, /enforce-version"\] is "1\.30", not "latest" or "v1\.N"/);
        assert.ok(r.violations.some((v) => /namespace "shop" enforces restricted:latest/.test(v.message)));
    });

    it("honours the exemption annotation on a workload", () => {
        const [, , , d] = everyWorkload(variant((s) => (s.hostIPC = true)), { name: "agent", namespace: "shop", annotations: { "exempt.clusterguard.io/k8s-pss-namespace-admission": "needs host IPC (SEC-7)" } });
        const r = checkStack(policy, [namespace("shop", { "pod-security.kubernetes.io/enforce": "baseline" }), { type: d.type, name: "d", props: d.props }]);
        assert.deepStrictEqual(r.violations, []);
    });

    it("leaves unknown values to the SDK's preview handling", () => {
        const [, , , d] = everyWorkload(unknownValue("object"));
        const r = checkStack(policy, [namespace("shop", { "pod-security.kubernetes.io/enforce": "baseline" }), { type: d.type, name: "d", props: d.props }]);
        assert.match(r.unknown ?? "", /spec/);
    });

    it("rejects a bad podSecurityVersion", () => {
        assert.throws(() => checkStack(policy, [namespace("shop", {})], { config: { podSecurityVersion: "1.30" } }), /podSecurityVersion/);
    });
});
