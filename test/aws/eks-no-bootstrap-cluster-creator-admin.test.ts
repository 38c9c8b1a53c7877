import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksNoBootstrapClusterCreatorAdmin } from "../../policies/aws/eks-no-bootstrap-cluster-creator-admin";
import { checkResource } from "../harness";
import { cluster, types, urnOf } from "./fixtures";

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

    it("reports a value of the wrong type as such", () => {
        assert.match(check(bootstrap("no")).violations[0], /bootstrapClusterCreatorAdminPermissions has the wrong type: expected a boolean, found string "no"/);
        assert.strictEqual(check({ ...cluster(), accessConfig: [] }).violations.length, 1);
    });

    it("says that eks.Cluster cannot set it, and gives the transform that does", () => {
        const { accessConfig: _, ...plain } = cluster();
        const [v] = checkResource(eksNoBootstrapClusterCreatorAdmin, types.cluster, plain, {
            name: "c-eksCluster",
            urn: urnOf(types.cluster, "c-eksCluster", ["eks:index:Cluster"]),
            parent: urnOf("eks:index:Cluster", "c"),
        }).violations;
        assert.match(v, /Fix: eks\.Cluster cannot set this \(@pulumi\/eks v4\.3\.0 passes bootstrapClusterCreatorAdminPermissions: true whenever authenticationMode is set/);
        assert.ok(
            v.includes(
                'set it with a resource transform on eks.Cluster "c": `transforms: [({ type, props, opts }) => type === "aws:eks/cluster:Cluster" ? { props: { ...props, accessConfig: { ...props.accessConfig, bootstrapClusterCreatorAdminPermissions: false } }, opts } : undefined]`, together with authenticationMode: "API"',
            ),
            v,
        );
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
