import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeAnonymousAuthLimited } from "../../policies/gcp/gke-anonymous-auth-limited";
import { assertDeferred, assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-anonymous-auth-limited", () => {
    it("passes mode LIMITED on Standard and Autopilot", () => {
        assert.deepStrictEqual(checkCluster(gkeAnonymousAuthLimited, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeAnonymousAuthLimited, hardenedAutopilot()).violations, []);
    });

    it("flags mode ENABLED", () => {
        const r = checkCluster(gkeAnonymousAuthLimited, { ...hardenedCluster(), anonymousAuthenticationConfig: { mode: "ENABLED" } });
        assert.match(r.violations[0], /anonymousAuthenticationConfig\.mode is "ENABLED"/);
    });

    it("flags the absent block, whose default is ENABLED", () => {
        assert.match(checkCluster(gkeAnonymousAuthLimited, {}).violations[0], /is absent, and GKE then serves anonymous requests/);
    });

    it("reports a wrong type, and defers an unknown mode naming the field", () => {
        assertWrongType(checkCluster(gkeAnonymousAuthLimited, { anonymousAuthenticationConfig: { mode: 1 as unknown as string } }), "anonymousAuthenticationConfig.mode", "a string", "number 1");
        assertWrongType(checkCluster(gkeAnonymousAuthLimited, { anonymousAuthenticationConfig: "LIMITED" as never }), "anonymousAuthenticationConfig", "an object", 'string "LIMITED"');
        assertDeferred(checkCluster(gkeAnonymousAuthLimited, { anonymousAuthenticationConfig: { mode: unknownValue<string>("string") } }), "anonymousAuthenticationConfig.mode");
    });
});
