import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sIngressNoAllowHttp as policy } from "../../../policies/kubernetes/network/k8s-ingress-no-allow-http";
import { liveObject } from "../../fixtures/live-object";
import { checkResource, checkStack, type StackResourceInput } from "../../harness";
import { ingress, ingressType } from "./service-fixtures";

const tls = { tls: [{ hosts: ["shop.example.com"], secretName: "shop-tls" }] };
const allow = (value: unknown, extra: Record<string, unknown> = {}) => ({ "kubernetes.io/ingress.allow-http": value as string, ...(extra as Record<string, string>) });
const frontendConfig = (name: string, spec: object, namespace = "shop"): StackResourceInput => ({
    type: "kubernetes:networking.gke.io/v1beta1:FrontendConfig",
    name: `fc-${name}`,
    props: { apiVersion: "networking.gke.io/v1beta1", kind: "FrontendConfig", metadata: { name, namespace }, spec },
});
const ingressResource = (annotations: Record<string, string>): StackResourceInput => ({ type: ingressType, name: "web", props: ingress(tls, annotations) });

describe("k8s-ingress-no-allow-http", () => {
    it('passes allow-http "false" or absent, and "true" on an Ingress without TLS (k8s-ingress-tls judges that)', () => {
        assert.deepStrictEqual(checkResource(policy, ingressType, ingress(tls, allow("false"))).violations, []);
        assert.deepStrictEqual(checkResource(policy, ingressType, ingress(tls)).violations, []);
        assert.deepStrictEqual(checkResource(policy, ingressType, ingress({}, allow("true"))).violations, []);
        assert.deepStrictEqual(checkResource(policy, ingressType, ingress({ tls: [] }, allow("true"))).violations, []);
    });

    it('flags allow-http "true" on an Ingress with TLS, and a boolean true as the wrong type', () => {
        const r = checkResource(policy, ingressType, ingress(tls, allow("true")));
        assert.deepStrictEqual(r.violations, [
            'Ingress "shop/web": metadata.annotations["kubernetes.io/ingress.allow-http"] is "true" on an Ingress with spec.tls, so its hosts are also served over plain HTTP. ' +
                'Fix: set it to "false", or redirect HTTP to HTTPS with a GKE FrontendConfig (spec.redirectToHttps.enabled: true) named in the networking.gke.io/v1beta1.FrontendConfig annotation',
        ]);
        assert.match(checkResource(policy, ingressType, ingress(tls, allow(true))).violations[0], /has the wrong type: expected a string \("false"\), found boolean true, on an Ingress with spec\.tls/);
        for (const type of ["kubernetes:networking.k8s.io/v1beta1:Ingress", "kubernetes:extensions/v1beta1:Ingress", "kubernetes:networking.k8s.io/v1:IngressPatch"]) {
            assert.strictEqual(checkResource(policy, type, ingress(tls, allow("true"))).violations.length, 1, type);
        }
    });

    it("leaves an Ingress that names a FrontendConfig to the stack, which requires the FrontendConfig to redirect to HTTPS", () => {
        const named = ingressResource(allow("true", { "networking.gke.io/v1beta1.FrontendConfig": "redirect" }));
        assert.deepStrictEqual(checkResource(policy, named.type, named.props).violations, []);
        assert.deepStrictEqual(checkStack(policy, [named, frontendConfig("redirect", { redirectToHttps: { enabled: true } })]).violations, []);
        const noRedirect = checkStack(policy, [named, frontendConfig("redirect", { sslPolicy: "modern" }), frontendConfig("redirect", { redirectToHttps: { enabled: true } }, "other")]);
        assert.strictEqual(noRedirect.violations.length, 1);
        assert.match(noRedirect.violations[0].message, /^Ingress "shop\/web": metadata\.annotations\["kubernetes\.io\/ingress\.allow-http"\] is "true" on an Ingress with spec\.tls, and FrontendConfig "shop\/redirect" does not redirect to HTTPS \(spec\.redirectToHttps\.enabled is absent\)/);
        assert.strictEqual(checkStack(policy, [named, frontendConfig("redirect", { redirectToHttps: { enabled: "false" } })]).violations.length, 1);
        // A FrontendConfig outside the stack cannot be judged here.
        assert.deepStrictEqual(checkStack(policy, [named]).violations, []);
        assert.deepStrictEqual(checkStack(policy, [ingressResource(allow("true"))]).violations, []);
    });

    it("defers unknown fields that decide, and judges the rest", () => {
        assert.match(checkResource(policy, ingressType, ingress(tls, allow(unknownValue("string")))).unknown ?? "", /allow-http"\] is computed/);
        assert.match(checkResource(policy, ingressType, ingress({ tls: unknownValue("array") }, allow("true"))).unknown ?? "", /spec\.tls is computed/);
        assert.strictEqual(checkResource(policy, ingressType, ingress({ tls: [unknownValue("object")] }, allow("true"))).violations.length, 1);
        assert.deepStrictEqual(checkResource(policy, ingressType, ingress({ tls: unknownValue("array") }, allow("false"))), { violations: [] });
        const named = ingressResource(allow("true", { "networking.gke.io/v1beta1.FrontendConfig": "redirect" }));
        const r = checkStack(policy, [named, frontendConfig("redirect", { redirectToHttps: unknownValue("object") })]);
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /FrontendConfig "shop\/redirect": spec\.redirectToHttps/);
    });

    it("judges the live object like the manifest; not applicable to other kinds", () => {
        const manifest = ingress(tls, allow("true"));
        const live = liveObject(manifest, { status: { loadBalancer: { ingress: [{ ip: "203.0.113.7" }] } } });
        assert.deepStrictEqual(checkResource(policy, ingressType, live, { dryRun: false }).violations, checkResource(policy, ingressType, manifest).violations);
        assert.match(checkResource(policy, "kubernetes:core/v1:Service", {}).notApplicable ?? "", /does not apply/);
    });
});
