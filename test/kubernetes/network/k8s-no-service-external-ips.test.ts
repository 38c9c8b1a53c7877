import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sNoServiceExternalIps as policy } from "../../../policies/kubernetes/network/k8s-no-service-external-ips";
import { checkResource } from "../../harness";
import { service, serviceType } from "./service-fixtures";

describe("k8s-no-service-external-ips", () => {
    it("passes Services without externalIPs or with an empty list", () => {
        assert.deepStrictEqual(checkResource(policy, serviceType, service({})).violations, []);
        assert.deepStrictEqual(checkResource(policy, serviceType, service({ externalIPs: [] })).violations, []);
    });

    it("flags externalIPs (CVE-2020-8554), also in the Patch variant", () => {
        const r = checkResource(policy, serviceType, service({ externalIPs: ["203.0.113.10"] }));
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0], /spec\.externalIPs is \["203\.0\.113\.10"\].*CVE-2020-8554/);
        assert.strictEqual(checkResource(policy, "kubernetes:core/v1:ServicePatch", service({ externalIPs: ["203.0.113.10"] })).violations.length, 1);
    });

    it("survives odd shapes and leaves unknowns to the SDK", () => {
        assert.deepStrictEqual(checkResource(policy, serviceType, { spec: { externalIPs: "203.0.113.10" } }).violations, []);
        assert.ok(checkResource(policy, serviceType, service({ externalIPs: unknownValue("array") })).unknown);
    });
});
