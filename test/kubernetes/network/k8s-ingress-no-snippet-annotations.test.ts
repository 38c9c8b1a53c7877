import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sIngressNoSnippetAnnotations as policy } from "../../../policies/kubernetes/network/k8s-ingress-no-snippet-annotations";
import { liveObject } from "../../fixtures/live-object";
import { checkResource } from "../../harness";
import { ingress, ingressType } from "./service-fixtures";

describe("k8s-ingress-no-snippet-annotations", () => {
    it("passes ordinary ingress-nginx annotations and none", () => {
        assert.deepStrictEqual(checkResource(policy, ingressType, ingress({}, { "nginx.ingress.kubernetes.io/ssl-redirect": "true" })).violations, []);
        assert.deepStrictEqual(checkResource(policy, ingressType, ingress({})).violations, []);
    });

    it("flags configuration-snippet, server-snippet and other snippets", () => {
        const r = checkResource(policy, ingressType, ingress({}, {
            "nginx.ingress.kubernetes.io/configuration-snippet": "x",
            "nginx.ingress.kubernetes.io/server-snippet": "y",
            "nginx.ingress.kubernetes.io/auth-snippet": "z",
        }));
        assert.strictEqual(r.violations.length, 3);
        assert.ok(r.violations.some((v) => /^Ingress "shop\/web": metadata\.annotations\["nginx\.ingress\.kubernetes\.io\/configuration-snippet"\] is set/.test(v)));
    });

    it("flags the NGINX Inc. controller's nginx.org/*-snippets and *-snippet annotations, not its other annotations", () => {
        const r = checkResource(policy, ingressType, ingress({}, {
            "nginx.org/server-snippets": "location /x { return 200; }",
            "nginx.org/location-snippets": "add_header X-Debug on;",
            "nginx.org/http-snippet": "x",
            "nginx.org/redirect-to-https": "true",
            "nginx.org/proxy-connect-timeout": "30s",
        }));
        assert.deepStrictEqual(r.violations.map((v) => v.match(/\["([^"]+)"\]/)![1]).sort(), ["nginx.org/http-snippet", "nginx.org/location-snippets", "nginx.org/server-snippets"]);
        assert.match(r.violations[0], /is set: snippet annotations inject raw nginx configuration into the shared controller\. Fix: remove the annotation/);
    });

    it("judges the live object like the manifest, and a wrong-typed annotation value by its key", () => {
        const manifest = ingress({}, { "nginx.org/server-snippets": "x" });
        const live = liveObject(manifest, { status: { loadBalancer: { ingress: [{ ip: "203.0.113.7" }] } } });
        assert.deepStrictEqual(checkResource(policy, ingressType, live, { dryRun: false }).violations, checkResource(policy, ingressType, manifest).violations);
        assert.strictEqual(checkResource(policy, ingressType, ingress({}, { "nginx.org/location-snippets": true as unknown as string })).violations.length, 1);
        assert.strictEqual(checkResource(policy, ingressType, ingress({}, { "nginx.org/location-snippets": unknownValue("string") })).violations.length, 1);
        assert.match(checkResource(policy, "kubernetes:core/v1:Service", {}).notApplicable ?? "", /does not apply/);
    });

    it("ignores other controllers' annotations, survives odd shapes, leaves unknowns to the SDK", () => {
        assert.deepStrictEqual(checkResource(policy, ingressType, ingress({}, { "example.com/server-snippet": "x", "nginx.org/snippets": "x", "nginx.ingress.kubernetes.io/snippets": "x" })).violations, []);
        assert.deepStrictEqual(checkResource(policy, ingressType, { metadata: { annotations: "x" } }).violations, []);
        assert.ok(checkResource(policy, ingressType, { metadata: { name: "web", annotations: unknownValue("object") } }).unknown);
    });
});
