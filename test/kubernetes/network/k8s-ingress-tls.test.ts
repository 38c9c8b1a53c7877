import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sIngressTls as policy } from "../../../policies/kubernetes/network/k8s-ingress-tls";
import { checkResource } from "../../harness";
import { ingress, ingressType } from "./service-fixtures";

describe("k8s-ingress-tls", () => {
    it("passes TLS for every host, including wildcard certificates", () => {
        assert.deepStrictEqual(checkResource(policy, ingressType, ingress({ tls: [{ hosts: ["shop.example.com"], secretName: "tls" }] })).violations, []);
        assert.deepStrictEqual(checkResource(policy, ingressType, ingress({ tls: [{ hosts: ["*.example.com"], secretName: "tls" }] })).violations, []);
    });

    it("flags an absent or empty tls list", () => {
        assert.match(checkResource(policy, ingressType, ingress({})).violations[0], /^Ingress "shop\/web": spec\.tls is absent, so the Ingress serves plain HTTP/);
        assert.match(checkResource(policy, ingressType, ingress({ tls: [] })).violations[0], /spec\.tls is empty/);
    });

    it("flags a rule host that no tls entry lists; a wildcard covers one level only", () => {
        const r = checkResource(policy, ingressType, ingress({ tls: [{ hosts: ["api.example.com"], secretName: "tls" }] }));
        assert.match(r.violations[0], /spec\.rules\[0\]\.host is "shop\.example\.com", which no spec\.tls entry lists/);
        const deep = ingress({ tls: [{ hosts: ["*.example.com"] }], rules: [{ host: "a.b.example.com" }] });
        assert.strictEqual(checkResource(policy, ingressType, deep).violations.length, 1);
    });

    it("matches the beta and extensions APIs and the Patch variant", () => {
        for (const type of ["kubernetes:networking.k8s.io/v1beta1:Ingress", "kubernetes:extensions/v1beta1:Ingress", "kubernetes:networking.k8s.io/v1:IngressPatch"]) {
            assert.strictEqual(checkResource(policy, type, ingress({})).violations.length, 1, type);
        }
    });

    it("survives odd shapes and leaves unknowns to the SDK", () => {
        assert.strictEqual(checkResource(policy, ingressType, { spec: { tls: "yes", rules: "x" } }).violations.length, 1);
        assert.deepStrictEqual(checkResource(policy, ingressType, { spec: { tls: [{ hosts: "x" }], rules: [null, { host: 3 }] } }).violations, []);
        assert.ok(checkResource(policy, ingressType, ingress({ tls: unknownValue("array") })).unknown);
    });
});
