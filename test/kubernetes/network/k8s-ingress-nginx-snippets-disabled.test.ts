import * as assert from "assert";
import type { ConfigMapArgs } from "@pulumi/kubernetes/core/v1/configMap";
import { unknownValue } from "../../../engine/wire";
import { k8sIngressNginxSnippetsDisabled as policy } from "../../../policies/kubernetes/network/k8s-ingress-nginx-snippets-disabled";
import { liveObject } from "../../fixtures/live-object";
import { checkResource } from "../../harness";

const type = "kubernetes:core/v1:ConfigMap";
const controllerConfig = (data: ConfigMapArgs["data"]): ConfigMapArgs => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "ingress-nginx-controller", namespace: "ingress-nginx" }, data });

describe("k8s-ingress-nginx-snippets-disabled", () => {
    it("passes a controller ConfigMap that disallows snippets or leaves the default, and other ConfigMaps", () => {
        for (const data of [{ "allow-snippet-annotations": "false" }, { "allow-snippet-annotations": "False" }, { "use-forwarded-headers": "true" }, {}, undefined] as (Record<string, string> | undefined)[]) {
            assert.deepStrictEqual(checkResource(policy, type, controllerConfig(data)).violations, [], JSON.stringify(data));
        }
        assert.deepStrictEqual(checkResource(policy, "kubernetes:core/v1:ConfigMapPatch", { metadata: { name: "x" } }).violations, []);
    });

    it('flags allow-snippet-annotations: "true" and the other spellings the controller reads as true', () => {
        for (const value of ["true", "True", "TRUE", "1", "t"]) {
            const r = checkResource(policy, type, controllerConfig({ "allow-snippet-annotations": value, "annotations-risk-level": "Critical" }));
            assert.strictEqual(r.violations.length, 1, value);
            assert.match(r.violations[0], new RegExp(`^ConfigMap "ingress-nginx/ingress-nginx-controller": data\\["allow-snippet-annotations"\\] is "${value}": every user who can create an Ingress can inject raw nginx configuration.*Fix: set it to "false", or remove it$`));
        }
    });

    it("flags a boolean true as the wrong type, and passes values the controller does not read as true", () => {
        const r = checkResource(policy, type, controllerConfig({ "allow-snippet-annotations": true as unknown as string }));
        assert.match(r.violations[0], /data\["allow-snippet-annotations"\] has the wrong type: expected a string \("false"\), found boolean true; ConfigMap data values are strings/);
        for (const value of [false, 0, "yes", { a: 1 }]) {
            assert.deepStrictEqual(checkResource(policy, type, controllerConfig({ "allow-snippet-annotations": value as unknown as string })).violations, [], JSON.stringify(value));
        }
        assert.deepStrictEqual(checkResource(policy, type, { data: "x" }).violations, []);
    });

    it("defers the setting or the data when unknown in a preview", () => {
        assert.match(checkResource(policy, type, controllerConfig({ "allow-snippet-annotations": unknownValue("string") })).unknown ?? "", /data\["allow-snippet-annotations"\] is computed from another resource/);
        assert.match(checkResource(policy, type, controllerConfig(unknownValue("object"))).unknown ?? "", /data is computed from another resource, so whether it allows snippet annotations/);
        assert.strictEqual(checkResource(policy, type, controllerConfig({ "other": unknownValue("string") })).unknown, undefined);
    });

    it("judges the live object like the manifest; not applicable to other kinds", () => {
        const manifest = controllerConfig({ "allow-snippet-annotations": "true" });
        assert.deepStrictEqual(checkResource(policy, type, liveObject(manifest), { dryRun: false }).violations, checkResource(policy, type, manifest).violations);
        assert.match(checkResource(policy, "kubernetes:core/v1:Secret", {}).notApplicable ?? "", /does not apply/);
    });
});
