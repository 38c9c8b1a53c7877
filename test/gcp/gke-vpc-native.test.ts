import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { gkeVpcNative } from "../../policies/gcp/gke-vpc-native";
import { checkCluster, hardenedAutopilot, hardenedCluster } from "./fixtures";

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

    it("ignores wrong types, and leaves unknown values to the SDK", () => {
        assert.deepStrictEqual(checkCluster(gkeVpcNative, { networkingMode: [] as unknown as string }).violations, []);
        assert.ok(checkCluster(gkeVpcNative, { networkingMode: unknownValue<string>("string") }).unknown);
    });
});
