import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sLoadbalancerInternal as policy } from "../../../policies/kubernetes/network/k8s-loadbalancer-internal";
import { checkResource } from "../../harness";
import { service, serviceType } from "./service-fixtures";

describe("k8s-loadbalancer-internal", () => {
    it("passes internal load balancers on AWS, Azure and GKE", () => {
        for (const annotations of <Record<string, string>[]>[
            { "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal" },
            { "service.beta.kubernetes.io/aws-load-balancer-internal": "true" },
            { "service.beta.kubernetes.io/azure-load-balancer-internal": "true" },
            { "networking.gke.io/load-balancer-type": "Internal" },
            { "cloud.google.com/load-balancer-type": "internal" },
        ]) {
            assert.deepStrictEqual(checkResource(policy, serviceType, service({ type: "LoadBalancer" }, annotations)).violations, [], JSON.stringify(annotations));
        }
    });

    it("passes source ranges that exclude 0.0.0.0/0, and non-LoadBalancer Services", () => {
        assert.deepStrictEqual(checkResource(policy, serviceType, service({ type: "LoadBalancer", loadBalancerSourceRanges: ["10.0.0.0/8", "203.0.113.0/24"] })).violations, []);
        assert.deepStrictEqual(checkResource(policy, serviceType, service({ type: "ClusterIP" })).violations, []);
        assert.deepStrictEqual(checkResource(policy, serviceType, service({})).violations, []);
    });

    it("flags a public load balancer without annotation or ranges", () => {
        const r = checkResource(policy, serviceType, service({ type: "LoadBalancer" }));
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0], /^Service "shop\/web": spec\.type is LoadBalancer with no internal annotation and no loadBalancerSourceRanges, and the cloud then creates an internet-facing/);
    });

    it("flags ranges that include 0.0.0.0/0 or ::/0, and annotations set to false or another value", () => {
        assert.match(checkResource(policy, serviceType, service({ type: "LoadBalancer", loadBalancerSourceRanges: ["10.0.0.0/8", "0.0.0.0/0"] })).violations[0], /containing 0\.0\.0\.0\/0/);
        assert.strictEqual(checkResource(policy, serviceType, service({ type: "LoadBalancer", loadBalancerSourceRanges: ["::/0"] })).violations.length, 1);
        assert.strictEqual(checkResource(policy, serviceType, service({ type: "LoadBalancer", loadBalancerSourceRanges: ["garbage"] })).violations.length, 1);
        assert.strictEqual(checkResource(policy, serviceType, service({ type: "LoadBalancer" }, { "service.beta.kubernetes.io/azure-load-balancer-internal": "false" })).violations.length, 1);
        assert.strictEqual(checkResource(policy, serviceType, service({ type: "LoadBalancer" }, { "service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing" })).violations.length, 1);
        assert.strictEqual(checkResource(policy, serviceType, service({ type: "LoadBalancer" }, { "service.beta.kubernetes.io/aws-load-balancer-internal": "false" })).violations.length, 1);
    });

    it("accepts annotations from config, and rejects a pattern without key", () => {
        const props = service({ type: "LoadBalancer" }, { "metallb.universe.tf/address-pool": "private" });
        assert.strictEqual(checkResource(policy, serviceType, props).violations.length, 1);
        assert.deepStrictEqual(checkResource(policy, serviceType, props, { config: { acceptedAnnotations: ["metallb.universe.tf/address-pool=private"] } }).violations, []);
        assert.deepStrictEqual(checkResource(policy, serviceType, props, { config: { acceptedAnnotations: ["metallb.universe.tf/address-pool"] } }).violations, []);
        assert.throws(() => checkResource(policy, serviceType, props, { config: { acceptedAnnotations: ["=x"] } }), /acceptedAnnotations: "=x" has no annotation key/);
    });

    it("matches the Patch variant, survives odd shapes, leaves unknowns to the SDK", () => {
        assert.strictEqual(checkResource(policy, "kubernetes:core/v1:ServicePatch", service({ type: "LoadBalancer" })).violations.length, 1);
        assert.deepStrictEqual(checkResource(policy, serviceType, { spec: "x", metadata: 3 }).violations, []);
        assert.strictEqual(checkResource(policy, serviceType, { spec: { type: "LoadBalancer", loadBalancerSourceRanges: "0.0.0.0/0" }, metadata: { annotations: [] } }).violations.length, 1);
        assert.ok(checkResource(policy, serviceType, service({ type: unknownValue("string") })).unknown);
    });

    it("honours the exemption annotation", () => {
        const r = checkResource(policy, serviceType, service({ type: "LoadBalancer" }, { "exempt.clusterguard.io/k8s-loadbalancer-internal": "public storefront behind WAF (SEC-7)" }));
        assert.match(r.notApplicable ?? "", /public storefront/);
    });
});
