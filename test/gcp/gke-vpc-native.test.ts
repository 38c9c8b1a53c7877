import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeVpcNative } from "../../policies/gcp/gke-vpc-native";
import { assertDeferred, assertWrongType, checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

describe("gke-vpc-native", () => {
    it("passes VPC_NATIVE, and the absent field (the provider's default for new clusters)", () => {
        assert.deepStrictEqual(checkCluster(gkeVpcNative, hardenedCluster()).violations, []);
        assert.deepStrictEqual(checkCluster(gkeVpcNative, {}).violations, []);
    });

    it("is not applicable to Autopilot", () => {
        assert.match(checkCluster(gkeVpcNative, hardenedAutopilot()).notApplicable ?? "", /always VPC-native/);
    });

    it("flags ROUTES", () => {
        assert.match(checkCluster(gkeVpcNative, { ...hardenedCluster(), networkingMode: "ROUTES", ipAllocationPolicy: undefined }).violations[0], /networkingMode is "ROUTES"/);
    });

    it("reports a wrong type, and defers an unknown value naming the field", () => {
        assertWrongType(checkCluster(gkeVpcNative, { networkingMode: [] as unknown as string }), "networkingMode", "a string", "array []");
        assertDeferred(checkCluster(gkeVpcNative, { networkingMode: unknownValue<string>("string") }), "networkingMode");
    });
});
