import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeNoInsecureRbacBindings } from "../../policies/gcp/gke-no-insecure-rbac-bindings";
import { checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-no-insecure-rbac-bindings", () => {
    it("passes both bindings refused, on Standard and Autopilot", () => {
        assert.deepStrictEqual(checkCluster(gkeNoInsecureRbacBindings, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeNoInsecureRbacBindings, hardenedAutopilot()).violations, []);
    });

    it("flags each insecure binding allowed", () => {
        const authenticated = checkCluster(gkeNoInsecureRbacBindings, { rbacBindingConfig: { enableInsecureBindingSystemAuthenticated: true, enableInsecureBindingSystemUnauthenticated: false } });
        assert.deepStrictEqual(authenticated.violations.length, 1);
        assert.match(authenticated.violations[0], /enableInsecureBindingSystemAuthenticated is true, so bindings to system:authenticated/);
        const unauthenticated = checkCluster(gkeNoInsecureRbacBindings, { rbacBindingConfig: { enableInsecureBindingSystemAuthenticated: false, enableInsecureBindingSystemUnauthenticated: true } });
        assert.match(unauthenticated.violations[0], /enableInsecureBindingSystemUnauthenticated is true/);
    });

    it("flags the absent block, where GKE allows both", () => {
        const r = checkCluster(gkeNoInsecureRbacBindings, {});
        assert.strictEqual(r.violations.length, 2);
        assert.match(r.violations[0], /is absent, and GKE then allows bindings/);
    });

    it("treats wrong types as absent, and leaves unknown values to the SDK", () => {
        assert.strictEqual(checkCluster(gkeNoInsecureRbacBindings, { rbacBindingConfig: "strict" as never }).violations.length, 2);
        assert.ok(checkCluster(gkeNoInsecureRbacBindings, { rbacBindingConfig: { enableInsecureBindingSystemAuthenticated: unknownValue<boolean>("bool") } }).unknown);
    });
});
