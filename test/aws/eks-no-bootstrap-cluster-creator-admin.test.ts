import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksNoBootstrapClusterCreatorAdmin } from "../../policies/aws/eks-no-bootstrap-cluster-creator-admin";
import { checkResource } from "../harness";
import { cluster, types } from "./fixtures";

const check = (c: object) => checkResource(eksNoBootstrapClusterCreatorAdmin, types.cluster, c, { name: "prod" });
const bootstrap = (value: unknown) => ({ ...cluster(), accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: value } });

describe("eks-no-bootstrap-cluster-creator-admin", () => {
    it("passes false", () => {
        assert.deepStrictEqual(check(cluster()).violations, []);
        assert.deepStrictEqual(check(bootstrap("false")).violations, []);
    });

    it("flags true", () => {
        assert.match(check(bootstrap(true)).violations[0], /^Cluster "prod": accessConfig\.bootstrapClusterCreatorAdminPermissions is true, so the cluster creator becomes/);
    });

    it("flags the absent field (EKS defaults it to true)", () => {
        const { accessConfig: _, ...plain } = cluster();
        assert.match(check(plain).violations[0], /is absent, and EKS then makes the cluster creator .* a cluster-admin access entry/);
        assert.match(check({ ...cluster(), accessConfig: { authenticationMode: "API" } }).violations[0], /is absent/);
    });

    it("survives wrong types", () => {
        assert.match(check(bootstrap("no")).violations[0], /is "no"/);
        assert.strictEqual(check({ ...cluster(), accessConfig: [] }).violations.length, 1);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check(bootstrap(unknownValue<boolean>("bool")));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /bootstrapClusterCreatorAdminPermissions/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksNoBootstrapClusterCreatorAdmin, types.nodeGroup, {}).notApplicable ?? "", /does not apply/);
    });
});
