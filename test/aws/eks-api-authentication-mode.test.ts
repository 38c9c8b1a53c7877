import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksApiAuthenticationMode } from "../../policies/aws/eks-api-authentication-mode";
import { checkResource } from "../harness";
import { cluster, types } from "./fixtures";

const check = (c: object, config?: Record<string, unknown>) => checkResource(eksApiAuthenticationMode, types.cluster, c, { name: "prod", config });
const mode = (authenticationMode: unknown) => ({ ...cluster(), accessConfig: { authenticationMode } });

describe("eks-api-authentication-mode", () => {
    it("passes API", () => {
        assert.deepStrictEqual(check(cluster()).violations, []);
    });

    it("flags API_AND_CONFIG_MAP as a migration state, unless config allows it", () => {
        assert.match(check(mode("API_AND_CONFIG_MAP")).violations[0], /authenticationMode is "API_AND_CONFIG_MAP", a migration state/);
        assert.deepStrictEqual(check(mode("API_AND_CONFIG_MAP"), { allowApiAndConfigMap: true }).violations, []);
    });

    it("flags CONFIG_MAP and the absent field (EKS then uses CONFIG_MAP)", () => {
        assert.match(check(mode("CONFIG_MAP")).violations[0], /is "CONFIG_MAP", so access is granted by the aws-auth ConfigMap/);
        const { accessConfig: _, ...plain } = cluster();
        const [v] = check(plain).violations;
        assert.match(v, /^Cluster "prod": accessConfig\.authenticationMode is absent, and EKS then uses CONFIG_MAP/);
        assert.match(v, /Fix: set accessConfig: \{ authenticationMode: "API" \}/);
    });

    it("survives wrong types", () => {
        assert.strictEqual(check(mode(["API"])).violations.length, 1);
        assert.strictEqual(check({ ...cluster(), accessConfig: "API" }).violations.length, 1);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check(mode(unknownValue<string>("string")));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /authenticationMode/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksApiAuthenticationMode, types.accessPolicyAssociation, {}).notApplicable ?? "", /does not apply/);
    });
});
