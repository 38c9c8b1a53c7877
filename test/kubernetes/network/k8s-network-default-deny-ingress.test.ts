import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sNetworkDefaultDenyIngress as policy } from "../../../policies/kubernetes/network/k8s-network-default-deny-ingress";
import { everyWorkload } from "../../fixtures/workloads";
import { checkStack } from "../../harness";
import { deployment, hardenedPolicies, networkPolicy } from "./fixtures";

describe("k8s-network-default-deny-ingress", () => {
    const web = deployment("web", "shop", { app: "web" });

    it("passes a namespace with a default-deny ingress policy", () => {
        assert.deepStrictEqual(checkStack(policy, [web, ...hardenedPolicies("shop")]).violations, []);
    });

    it("covers every workload kind, including CronJobs", () => {
        const workloads = everyWorkload({ containers: [{ name: "app", image: "a:1" }] }).map((w, i) => ({ type: w.type, name: `w${i}`, props: w.props }));
        assert.deepStrictEqual(checkStack(policy, [...workloads, ...hardenedPolicies("shop")]).violations, []);
        const r = checkStack(policy, workloads);
        assert.strictEqual(r.violations.length, workloads.length);
        assert.ok(r.violations.some((v) => /^CronJob "shop\/web": metadata\.namespace selects pods in namespace "shop", which has no NetworkPolicy/.test(v.message)));
    });

    it("flags a namespace with no NetworkPolicy, and names the workload and namespace", () => {
        const r = checkStack(policy, [web, ...hardenedPolicies("other")]);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0].message, /^Deployment "shop\/web": .*namespace "shop", which has no NetworkPolicy/);
        assert.strictEqual(r.violations[0].urn, "urn:pulumi:test::test::kubernetes:apps/v1:Deployment::shop-web");
    });

    it("flags pods the namespace's policies do not select", () => {
        const selective = networkPolicy("api-only", "shop", { podSelector: { matchLabels: { app: "api" } }, policyTypes: ["Ingress"] });
        const r = checkStack(policy, [web, deployment("api", "shop", { app: "api" }), selective]);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0].message, /Deployment "shop\/web": .*labels app=web.*no NetworkPolicy with policyTypes Ingress selects/);
    });

    it("accepts matchExpressions that select the pods", () => {
        const byExpression = networkPolicy("deny", "shop", { podSelector: { matchExpressions: [{ key: "app", operator: "In", values: ["web", "api"] }] }, policyTypes: ["Ingress"] });
        assert.deepStrictEqual(checkStack(policy, [web, byExpression]).violations, []);
        const notIn = networkPolicy("deny", "shop", { podSelector: { matchExpressions: [{ key: "app", operator: "NotIn", values: ["web"] }] }, policyTypes: ["Ingress"] });
        assert.strictEqual(checkStack(policy, [web, notIn]).violations.length, 1);
    });

    it("flags a policy that only restricts egress", () => {
        const egressOnly = networkPolicy("egress", "shop", { podSelector: {}, policyTypes: ["Egress"] });
        assert.strictEqual(checkStack(policy, [web, egressOnly]).violations.length, 1);
    });

    it("counts a policy without policyTypes as an ingress policy (the API default)", () => {
        assert.deepStrictEqual(checkStack(policy, [web, networkPolicy("deny", "shop", { podSelector: {} })]).violations, []);
    });

    it("flags an allow-all ingress rule on a selecting policy", () => {
        const open = networkPolicy("open", "shop", { podSelector: {}, policyTypes: ["Ingress"], ingress: [{}] });
        const r = checkStack(policy, [web, open]);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0].message, /NetworkPolicy "shop\/open", whose spec\.ingress\[0\] allows all traffic/);
    });

    it("puts workloads and policies without a namespace in \"default\"", () => {
        assert.deepStrictEqual(checkStack(policy, [deployment("web", undefined, { app: "web" }), networkPolicy("deny", undefined, { podSelector: {} })]).violations, []);
        assert.match(checkStack(policy, [deployment("web", undefined, { app: "web" })]).violations[0].message, /namespace "default"/);
    });

    it("leaves host-network pods to k8s-block-metadata-egress", () => {
        assert.deepStrictEqual(checkStack(policy, [deployment("agent", "shop", { app: "agent" }, { hostNetwork: true })]).violations, []);
    });

    it("is not applicable to a stack without workloads", () => {
        assert.match(checkStack(policy, hardenedPolicies("shop")).notApplicable ?? "", /No resources of type/);
    });

    it("survives odd shapes", () => {
        const odd = { type: "kubernetes:networking.k8s.io/v1:NetworkPolicy", name: "odd", props: { metadata: { namespace: "shop" }, spec: { podSelector: "all", policyTypes: "Ingress" } } };
        assert.strictEqual(checkStack(policy, [web, odd]).violations.length, 1);
        assert.strictEqual(checkStack(policy, [web, { type: odd.type, name: "none", props: { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy" } }]).violations.length, 1);
        // Empty outputs: a preview whose Kubernetes provider is configured from a cluster of the same stack.
        const empty = checkStack(policy, [web, { type: odd.type, name: "none", props: {} }]);
        assert.deepStrictEqual(empty.violations, []);
        assert.match(empty.unknown ?? "", /^NetworkPolicy "none": every output is unknown in this preview: the Kubernetes provider's configuration/);
    });

    it("leaves unknown values to the SDK", () => {
        const unknown = networkPolicy("deny", "shop", { podSelector: unknownValue("object") });
        assert.match(checkStack(policy, [web, unknown]).unknown ?? "", /podSelector|unknown/);
    });

    it("honours excludeNamespaces", () => {
        const r = checkStack(policy, [web], { config: { excludeNamespaces: ["shop"] } });
        assert.deepStrictEqual(r.violations, []);
    });
});
