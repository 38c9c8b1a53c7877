import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksPrivateAccessEnabled } from "../../policies/aws/eks-private-access-enabled";
import { checkResource } from "../harness";
import { cluster, types } from "./fixtures";

const check = (c: object) => checkResource(eksPrivateAccessEnabled, types.cluster, c, { name: "prod" });

describe("eks-private-access-enabled", () => {
    it("passes endpointPrivateAccess: true", () => {
        assert.deepStrictEqual(check(cluster()).violations, []);
    });

    it("flags false", () => {
        const r = check({ ...cluster(), vpcConfig: { subnetIds: ["s"], endpointPrivateAccess: false } });
        assert.deepStrictEqual(r.violations, [
            'Cluster "prod": vpcConfig.endpointPrivateAccess is false, so nodes reach the API server over its public endpoint. Fix: set vpcConfig.endpointPrivateAccess: true',
        ]);
    });

    it("flags absent (EKS defaults it to off), a missing vpcConfig and wrong types", () => {
        assert.match(check({ ...cluster(), vpcConfig: { subnetIds: ["s"] } }).violations[0], /is absent, and EKS then leaves the private endpoint off/);
        assert.strictEqual(check({ roleArn: "r" }).violations.length, 1);
        assert.strictEqual(check({ ...cluster(), vpcConfig: { subnetIds: ["s"], endpointPrivateAccess: "yes" } }).violations.length, 1);
        assert.deepStrictEqual(check({ ...cluster(), vpcConfig: { subnetIds: ["s"], endpointPrivateAccess: "true" } }).violations, []);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check({ ...cluster(), vpcConfig: { subnetIds: ["s"], endpointPrivateAccess: unknownValue<boolean>("bool") } });
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /endpointPrivateAccess/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksPrivateAccessEnabled, types.launchTemplate, {}).notApplicable ?? "", /does not apply/);
    });
});
