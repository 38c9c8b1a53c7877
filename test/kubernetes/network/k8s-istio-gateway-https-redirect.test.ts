import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sIstioGatewayHttpsRedirect as policy } from "../../../policies/kubernetes/network/k8s-istio-gateway-https-redirect";
import { liveObject } from "../../fixtures/live-object";
import { checkResource } from "../../harness";
import { customResource } from "./fixtures";

const http = (extra: Record<string, unknown> = {}) => ({ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["shop.example.com"], ...extra });
const https = { port: { number: 443, name: "https", protocol: "HTTPS" }, hosts: ["shop.example.com"], tls: { mode: "SIMPLE", credentialName: "shop-tls" } };
const gateway = (servers: unknown, version = "v1") => customResource(`networking.istio.io/${version}`, "Gateway", "web", "shop", { spec: { selector: { istio: "ingressgateway" }, servers } });
const check = (servers: unknown, options = {}, version = "v1") => {
    const { type, props } = gateway(servers, version);
    return checkResource(policy, type, props, options);
};

describe("k8s-istio-gateway-https-redirect", () => {
    it("passes HTTP servers that redirect, HTTPS and TLS servers, and the fix example's Gateway", () => {
        assert.deepStrictEqual(check([http({ tls: { httpsRedirect: true } }), https]).violations, []);
        assert.deepStrictEqual(check([https, { port: { number: 15443, name: "tls", protocol: "TLS" }, hosts: ["*.local"], tls: { mode: "AUTO_PASSTHROUGH" } }]).violations, []);
        assert.deepStrictEqual(check([]).violations, []);
    });

    it("flags a plain-HTTP server without tls.httpsRedirect, naming the server, its hosts and port", () => {
        assert.deepStrictEqual(check([http(), https]).violations, [
            'Gateway "shop/web": spec.servers[0] serves hosts "shop.example.com" over plain HTTP on port 80, and tls.httpsRedirect is absent. ' +
                "Fix: set spec.servers[0].tls.httpsRedirect: true, and serve the hosts on an HTTPS server (protocol: HTTPS, port 443, tls: {mode: SIMPLE, credentialName: <Secret>})",
        ]);
        assert.match(check([http({ tls: { httpsRedirect: false } })]).violations[0], /tls\.httpsRedirect is false/);
    });

    it("reads every cleartext HTTP protocol, case-insensitively, and leaves other protocols alone", () => {
        for (const protocol of ["http", "HTTP2", "GRPC", "grpc-web"]) {
            assert.strictEqual(check([http({ port: { number: 8080, name: "p", protocol } })]).violations.length, 1, protocol);
        }
        for (const protocol of ["HTTPS", "TLS", "TCP", "MONGO"]) {
            assert.deepStrictEqual(check([http({ port: { number: 8080, name: "p", protocol } })]).violations, [], protocol);
        }
    });

    it("leaves servers bound inside the gateway pod (loopback or a Unix socket), which clients cannot reach", () => {
        for (const bind of ["127.0.0.1", "::1", "unix:///var/run/metrics.sock", "unix://@foobar"]) {
            assert.deepStrictEqual(check([http({ bind })]).violations, [], bind);
        }
        assert.strictEqual(check([http({ bind: "10.0.0.5" })]).violations.length, 1);
    });

    it("judges every version of the API, and Patch objects", () => {
        for (const version of ["v1beta1", "v1alpha3"]) assert.strictEqual(check([http()], {}, version).violations.length, 1, version);
        const { props } = gateway([http()]);
        assert.strictEqual(checkResource(policy, "kubernetes:networking.istio.io/v1:GatewayPatch", props).violations.length, 1);
    });

    it("defers a server whose deciding field is unknown in this preview, naming it, and judges the others", () => {
        const r = check([http({ tls: unknownValue("object") }), http({ port: { number: 8080, name: "alt", protocol: "HTTP" } })]);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0], /spec\.servers\[1\]/);
        assert.match(r.unknown ?? "", /spec\.servers\[0\]\.tls is computed/);
        assert.match(check(unknownValue("array")).unknown ?? "", /spec\.servers is computed/);
        assert.deepStrictEqual(check([http({ port: { number: 80, name: "http", protocol: unknownValue("string") } })]).violations, []);
    });

    it("survives wrong types: a boolean written as a string is not a redirect, other shapes are skipped", () => {
        assert.strictEqual(check([http({ tls: { httpsRedirect: "yes" } })]).violations.length, 1);
        for (const servers of ["HTTP", { a: http() }, [null, 7, "x", { port: "80" }]]) {
            assert.deepStrictEqual(check(servers).violations, [], JSON.stringify(servers));
        }
    });

    it("judges the live object like the manifest; not applicable to other kinds", () => {
        const { type, props } = gateway([http(), https]);
        assert.deepStrictEqual(checkResource(policy, type, liveObject(props), { dryRun: false }).violations, checkResource(policy, type, props).violations);
        assert.match(checkResource(policy, "kubernetes:gateway.networking.k8s.io/v1:Gateway", props).notApplicable ?? "", /does not apply/);
    });
});
