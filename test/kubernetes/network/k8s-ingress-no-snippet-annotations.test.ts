import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sIngressNoSnippetAnnotations as policy } from "../../../policies/kubernetes/network/k8s-ingress-no-snippet-annotations";
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

    it("ignores other controllers' annotations, survives odd shapes, leaves unknowns to the SDK", () => {
        assert.deepStrictEqual(checkResource(policy, ingressType, ingress({}, { "example.com/server-snippet": "x" })).violations, []);
        assert.deepStrictEqual(checkResource(policy, ingressType, { metadata: { annotations: "x" } }).violations, []);
        assert.ok(checkResource(policy, ingressType, { metadata: { name: "web", annotations: unknownValue("object") } }).unknown);
    });
});
