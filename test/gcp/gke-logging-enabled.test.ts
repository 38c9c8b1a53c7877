import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeLoggingEnabled } from "../../policies/gcp/gke-logging-enabled";
import { assertDeferred, assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster, problems } from "./fixtures";

describe("gke-logging-enabled", () => {
    it("passes GKE's default (no loggingConfig: SYSTEM_COMPONENTS and WORKLOADS, the CIS GKE 5.7.1 baseline), and more", () => {
        assert.deepStrictEqual(checkCluster(gkeLoggingEnabled, {}).violations, []);
        assert.deepStrictEqual(checkCluster(gkeLoggingEnabled, { loggingService: "logging.googleapis.com/kubernetes" }).violations, []);
        assert.deepStrictEqual(checkCluster(gkeLoggingEnabled, { loggingConfig: { enableComponents: ["SYSTEM_COMPONENTS", "WORKLOADS"] } }).violations, []);
        assert.deepStrictEqual(checkCluster(gkeLoggingEnabled, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeLoggingEnabled, hardenedAutopilot()).violations, []);
    });

    it("flags loggingService \"none\", the decommissioned legacy integration, and other values", () => {
        assert.deepStrictEqual(problems(checkCluster(gkeLoggingEnabled, { ...hardenedCluster(), loggingService: "none" })), ['Cluster "test": loggingService is "none", which turns Cloud Logging off']);
        assert.match(checkCluster(gkeLoggingEnabled, { loggingService: "logging.googleapis.com" }).violations[0], /loggingService is "logging\.googleapis\.com", the legacy Stackdriver integration that GKE decommissioned/);
        assert.match(checkCluster(gkeLoggingEnabled, { loggingService: "logging.example.com" }).violations[0], /is "logging\.example\.com", not Cloud Logging for GKE/);
    });

    it("flags missing components, and an empty list (logging off)", () => {
        assert.deepStrictEqual(problems(checkCluster(gkeLoggingEnabled, { loggingConfig: { enableComponents: ["SYSTEM_COMPONENTS"] } })), ['Cluster "test": loggingConfig.enableComponents lacks WORKLOADS']);
        assert.match(checkCluster(gkeLoggingEnabled, { loggingConfig: { enableComponents: [] } }).violations[0], /is empty, which turns component logging off/);
    });

    it("requires the components the requiredComponents setting adds (e.g. APISERVER), naming GKE's default when absent", () => {
        const config = { requiredComponents: ["SYSTEM_COMPONENTS", "WORKLOADS", "APISERVER"] };
        assert.match(checkCluster(gkeLoggingEnabled, {}, { config }).violations[0], /is absent, and GKE then logs only SYSTEM_COMPONENTS and WORKLOADS, not APISERVER\. Fix: set loggingConfig: \{ enableComponents: \["SYSTEM_COMPONENTS","WORKLOADS","APISERVER"\] \}/);
        assert.match(checkCluster(gkeLoggingEnabled, { loggingConfig: { enableComponents: ["SYSTEM_COMPONENTS", "WORKLOADS"] } }, { config }).violations[0], /lacks APISERVER/);
        assert.deepStrictEqual(checkCluster(gkeLoggingEnabled, hardenedCluster(), { config }).violations, []);
        assert.throws(() => checkCluster(gkeLoggingEnabled, {}, { config: { requiredComponents: "APISERVER" } }));
    });

    it("reports wrong types (a string for the component list never passes), and defers unknown values naming the field", () => {
        assertWrongType(checkCluster(gkeLoggingEnabled, { loggingConfig: { enableComponents: "SYSTEM_COMPONENTS" as never } }), "loggingConfig.enableComponents", "an array", 'string "SYSTEM_COMPONENTS"');
        assertWrongType(checkCluster(gkeLoggingEnabled, { loggingConfig: { enableComponents: [1, "SYSTEM_COMPONENTS", "WORKLOADS"] as never } }), "loggingConfig.enableComponents[0]", "a string", "number 1");
        assertWrongType(checkCluster(gkeLoggingEnabled, { loggingService: false as never }), "loggingService", "a string", "boolean false");
        assertDeferred(checkCluster(gkeLoggingEnabled, { loggingConfig: { enableComponents: unknownValue<string[]>("array") } }), "loggingConfig.enableComponents");
        assertDeferred(checkCluster(gkeLoggingEnabled, { loggingService: unknownValue<string>("string") }), "loggingService");
    });
});
