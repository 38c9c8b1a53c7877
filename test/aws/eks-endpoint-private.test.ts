import type { ClusterArgs } from "@pulumi/aws/eks/cluster";
import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksEndpointPrivate } from "../../policies/aws/eks-endpoint-private";
import { checkResource } from "../harness";

const type = "aws:eks/cluster:Cluster";
const cluster = (vpcConfig: ClusterArgs["vpcConfig"]): ClusterArgs => ({ roleArn: "arn:aws:iam::1:role/eks", vpcConfig });

describe("eks-endpoint-private", () => {
    it("passes a private endpoint", () => {
        const r = checkResource(eksEndpointPrivate, type, cluster({ subnetIds: ["subnet-1"], endpointPublicAccess: false, endpointPrivateAccess: true }));
        assert.deepStrictEqual(r.violations, []);
    });

    it("flags endpointPublicAccess: true", () => {
        const r = checkResource(eksEndpointPrivate, type, cluster({ subnetIds: ["subnet-1"], endpointPublicAccess: true }), { name: "prod" });
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0], /^Cluster "prod": vpcConfig\.endpointPublicAccess is true\. Fix: set vpcConfig\.endpointPublicAccess: false$/);
    });

    it("flags an absent endpointPublicAccess, which EKS defaults to public", () => {
        const r = checkResource(eksEndpointPrivate, type, cluster({ subnetIds: ["subnet-1"] }));
        assert.match(r.violations[0], /endpointPublicAccess is absent/);
    });

    it("flags an absent vpcConfig and a value of the wrong type without crashing", () => {
        assert.strictEqual(checkResource(eksEndpointPrivate, type, { roleArn: "x" }).violations.length, 1);
        assert.strictEqual(checkResource(eksEndpointPrivate, type, { vpcConfig: "oops" }).violations.length, 1);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = checkResource(eksEndpointPrivate, type, cluster({ subnetIds: ["subnet-1"], endpointPublicAccess: unknownValue<boolean>("bool") }));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /vpcConfig\.endpointPublicAccess/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksEndpointPrivate, "aws:eks/nodeGroup:NodeGroup", {}).notApplicable ?? "", /does not apply/);
    });
});
