import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksControlPlaneLogging } from "../../policies/aws/eks-control-plane-logging";
import { checkResource } from "../harness";
import { cluster, types, urnOf } from "./fixtures";

const check = (c: object, config?: Record<string, unknown>) => checkResource(eksControlPlaneLogging, types.cluster, c, { name: "prod", config });
const logs = (enabledClusterLogTypes: unknown) => ({ ...cluster(), enabledClusterLogTypes });

describe("eks-control-plane-logging", () => {
    it("passes the default set (api, audit, authenticator) and all five", () => {
        assert.deepStrictEqual(check(logs(["api", "audit", "authenticator"])).violations, []);
        assert.deepStrictEqual(check(cluster(), { requireAllLogTypes: true }).violations, []);
    });

    it("flags each missing required type", () => {
        const [v] = check(logs(["api"])).violations;
        assert.strictEqual(
            v,
            'Cluster "prod": enabledClusterLogTypes is ["api"]; missing "audit", "authenticator". Fix: set enabledClusterLogTypes: ["api","audit","authenticator"]',
        );
    });

    it("flags the absent field: EKS then sends no logs", () => {
        const { enabledClusterLogTypes: _, ...plain } = cluster();
        assert.match(check(plain).violations[0], /enabledClusterLogTypes is absent, and EKS then sends no control-plane logs/);
    });

    it("honours a configured set and the all-five option", () => {
        assert.match(check(logs(["api", "audit", "authenticator"]), { requireAllLogTypes: true }).violations[0], /missing "controllerManager", "scheduler"/);
        assert.deepStrictEqual(check(logs(["audit"]), { requiredLogTypes: ["audit"] }).violations, []);
        assert.throws(() => check(cluster(), { requiredLogTypes: ["everything"] }), /must be equal to one of the allowed values/);
    });

    it("reports a value of the wrong type as such, and never passes it", () => {
        assert.deepStrictEqual(check(logs("api")).violations, [
            'Cluster "prod": enabledClusterLogTypes has the wrong type: expected an array of log types, found string "api". Fix: set enabledClusterLogTypes: ["api","audit","authenticator"]',
        ]);
        assert.match(check(logs("api,audit")).violations[0], /has the wrong type: expected an array of log types, found string "api,audit"/);
        assert.match(check(logs([1, "audit"])).violations[0], /missing "api", "authenticator"/);
    });

    it("names the eks.Cluster argument for a cluster that component made", () => {
        const r = checkResource(eksControlPlaneLogging, types.cluster, logs(undefined), {
            name: "c-eksCluster",
            urn: urnOf(types.cluster, "c-eksCluster", ["eks:index:Cluster"]),
            parent: urnOf("eks:index:Cluster", "c"),
        });
        assert.match(r.violations[0], /Fix: set enabledClusterLogTypes: \["api", "audit", "authenticator"\] on eks\.Cluster "c"$/);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check(logs(unknownValue<string[]>("array")));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /enabledClusterLogTypes/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksControlPlaneLogging, types.addon, {}).notApplicable ?? "", /does not apply/);
    });
});
