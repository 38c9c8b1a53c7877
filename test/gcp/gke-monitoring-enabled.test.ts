import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeMonitoringEnabled } from "../../policies/gcp/gke-monitoring-enabled";
import { checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-monitoring-enabled", () => {
    it("passes system components monitored, and the absent config (SYSTEM_COMPONENTS by default)", () => {
        assert.deepStrictEqual(checkCluster(gkeMonitoringEnabled, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeMonitoringEnabled, hardenedAutopilot()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeMonitoringEnabled, {}).violations, []);
    });

    it("flags monitoringService \"none\"", () => {
        assert.match(checkCluster(gkeMonitoringEnabled, { monitoringService: "none" }).violations[0], /monitoringService is "none"/);
    });

    it("flags an explicit list without SYSTEM_COMPONENTS, including an empty list", () => {
        assert.match(checkCluster(gkeMonitoringEnabled, { monitoringConfig: { enableComponents: ["APISERVER"] } }).violations[0], /monitoringConfig\.enableComponents lacks SYSTEM_COMPONENTS/);
        assert.strictEqual(checkCluster(gkeMonitoringEnabled, { monitoringConfig: { enableComponents: [] } }).violations.length, 1);
    });

    it("treats a non-list as empty, and leaves unknown values to the SDK", () => {
        assert.strictEqual(checkCluster(gkeMonitoringEnabled, { monitoringConfig: { enableComponents: "SYSTEM_COMPONENTS" as never } }).violations.length, 1);
        assert.ok(checkCluster(gkeMonitoringEnabled, { monitoringService: unknownValue<string>("string") }).unknown);
    });
});
