import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sNoNodeportServices as policy } from "../../../policies/kubernetes/network/k8s-no-nodeport-services";
import { checkResource } from "../../harness";
import { service, serviceType } from "./service-fixtures";

describe("k8s-no-nodeport-services", () => {
    it("passes ClusterIP, LoadBalancer and Services without type", () => {
        for (const type of ["ClusterIP", "LoadBalancer", undefined]) {
            assert.deepStrictEqual(checkResource(policy, serviceType, service(type ? { type } : {})).violations, []);
        }
    });

    it("flags NodePort, also in the Patch variant", () => {
        const r = checkResource(policy, serviceType, service({ type: "NodePort" }));
        assert.deepStrictEqual(r.violations, ['Service "shop/web": spec.type is "NodePort", which opens the port on every node\'s address. Fix: set spec.type to "ClusterIP" and expose it through an Ingress']);
        assert.strictEqual(checkResource(policy, "kubernetes:core/v1:ServicePatch", service({ type: "NodePort" })).violations.length, 1);
    });

    it("survives odd shapes, leaves unknowns to the SDK, ignores other types", () => {
        assert.deepStrictEqual(checkResource(policy, serviceType, { spec: { type: 3 } }).violations, []);
        assert.ok(checkResource(policy, serviceType, service({ type: unknownValue("string") })).unknown);
        assert.ok(checkResource(policy, "kubernetes:apps/v1:Deployment", {}).notApplicable);
    });
});
