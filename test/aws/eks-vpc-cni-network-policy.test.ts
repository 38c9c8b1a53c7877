import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksVpcCniNetworkPolicy } from "../../policies/aws/eks-vpc-cni-network-policy";
import { checkResource } from "../harness";
import { types, vpcCni } from "./fixtures";

const check = (a: object) => checkResource(eksVpcCniNetworkPolicy, types.addon, a, { name: "vpc-cni" });
const values = (configurationValues: unknown) => ({ ...vpcCni(), configurationValues });

describe("eks-vpc-cni-network-policy", () => {
    it("is advisory", () => {
        assert.strictEqual(eksVpcCniNetworkPolicy.enforcementLevel, "advisory");
    });

    it("passes enableNetworkPolicy in JSON or YAML configuration values", () => {
        assert.deepStrictEqual(check(vpcCni()).violations, []);
        assert.deepStrictEqual(check(values('{"enableNetworkPolicy": true, "env": {"ENABLE_PREFIX_DELEGATION": "true"}}')).violations, []);
        assert.deepStrictEqual(check(values('enableNetworkPolicy: "true"\n')).violations, []);
    });

    it("flags enableNetworkPolicy false", () => {
        const [v] = check(values(JSON.stringify({ enableNetworkPolicy: "false" }))).violations;
        assert.strictEqual(
            v,
            'Addon "vpc-cni": configurationValues.enableNetworkPolicy is "false", so the vpc-cni add-on does not enforce NetworkPolicies. Fix: set configurationValues: JSON.stringify({ enableNetworkPolicy: "true" })',
        );
    });

    it("flags absent configuration values and an absent setting", () => {
        const { configurationValues: _, ...plain } = vpcCni();
        assert.match(check(plain).violations[0], /configurationValues is absent, and the vpc-cni add-on then does not enforce NetworkPolicies/);
        assert.match(check(values("{}")).violations[0], /configurationValues\.enableNetworkPolicy is absent/);
    });

    it("ignores other add-ons", () => {
        assert.deepStrictEqual(check({ clusterName: "prod", addonName: "coredns" }).violations, []);
    });

    it("survives wrong types and unparsable values", () => {
        assert.match(check(values("{not json: [")).violations[0], /which is neither JSON nor YAML/);
        assert.strictEqual(check(values("[1, 2]")).violations.length, 1);
        assert.deepStrictEqual(check(values({ enableNetworkPolicy: "true" })).violations, []);
        assert.deepStrictEqual(check({ ...vpcCni(), addonName: 3 }).violations, []);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check(values(unknownValue<string>("string")));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /configurationValues/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksVpcCniNetworkPolicy, types.cluster, {}).notApplicable ?? "", /does not apply/);
    });
});
