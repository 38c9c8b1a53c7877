import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeLoggingEnabled } from "../../policies/gcp/gke-logging-enabled";
import { checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-logging-enabled", () => {
    it("passes system components, API server and workloads logged, on Standard and Autopilot", () => {
        assert.deepStrictEqual(checkCluster(gkeLoggingEnabled, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeLoggingEnabled, hardenedAutopilot()).violations, []);
    });

    it("flags loggingService \"none\"", () => {
        assert.match(checkCluster(gkeLoggingEnabled, { ...hardenedCluster(), loggingService: "none" }).violations[0], /loggingService is "none"/);
    });

    it("flags missing components, and an empty list (logging off)", () => {
        assert.match(checkCluster(gkeLoggingEnabled, { loggingConfig: { enableComponents: ["SYSTEM_COMPONENTS", "WORKLOADS"] } }).violations[0], /loggingConfig\.enableComponents lacks APISERVER/);
        assert.match(checkCluster(gkeLoggingEnabled, { loggingConfig: { enableComponents: [] } }).violations[0], /lacks SYSTEM_COMPONENTS, APISERVER, WORKLOADS/);
    });

    it("flags the absent loggingConfig, whose default does not log the API server", () => {
        assert.match(checkCluster(gkeLoggingEnabled, {}).violations[0], /is absent, and GKE then logs only SYSTEM_COMPONENTS and WORKLOADS, not APISERVER/);
    });

    it("honours requiredComponents and rejects a bad value", () => {
        assert.deepStrictEqual(checkCluster(gkeLoggingEnabled, {}, { config: { requiredComponents: ["SYSTEM_COMPONENTS"] } }).violations, []);
        assert.throws(() => checkCluster(gkeLoggingEnabled, {}, { config: { requiredComponents: "APISERVER" } }));
    });

    it("skips non-string components, and leaves unknown values to the SDK", () => {
        assert.strictEqual(checkCluster(gkeLoggingEnabled, { loggingConfig: { enableComponents: [1, "SYSTEM_COMPONENTS"] as never } }).violations.length, 1);
        assert.ok(checkCluster(gkeLoggingEnabled, { loggingConfig: { enableComponents: unknownValue<string[]>("array") } }).unknown);
    });
});
