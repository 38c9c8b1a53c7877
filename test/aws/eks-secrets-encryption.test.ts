import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksSecretsEncryption } from "../../policies/aws/eks-secrets-encryption";
import { checkResource } from "../harness";
import { cluster, keyArn, types } from "./fixtures";

const check = (c: object) => checkResource(eksSecretsEncryption, types.cluster, c, { name: "prod" });

describe("eks-secrets-encryption", () => {
    it("passes secrets encrypted with a customer-managed key", () => {
        assert.deepStrictEqual(check(cluster()).violations, []);
        assert.deepStrictEqual(check({ ...cluster(), encryptionConfig: [{ resources: ["secrets"], provider: { keyArn } }] }).violations, []);
    });

    it("flags an absent encryptionConfig: the AWS-owned default key is not this control", () => {
        const { encryptionConfig: _, ...plain } = cluster();
        const [v] = check(plain).violations;
        assert.match(v, /^Cluster "prod": encryptionConfig is absent, and EKS then encrypts secrets only with an AWS-owned key/);
        assert.match(v, /Fix: set encryptionConfig: \{ resources: \["secrets"\], provider: \{ keyArn: key\.arn \} \}/);
    });

    it("flags resources without secrets", () => {
        assert.match(check({ ...cluster(), encryptionConfig: { resources: [], provider: { keyArn } } }).violations[0], /encryptionConfig\.resources is \[\], without "secrets"/);
    });

    it("flags a missing key ARN and an AWS-managed alias", () => {
        assert.match(check({ ...cluster(), encryptionConfig: { resources: ["secrets"], provider: {} } }).violations[0], /provider\.keyArn is absent/);
        assert.match(check({ ...cluster(), encryptionConfig: { resources: ["secrets"], provider: { keyArn: "" } } }).violations[0], /provider\.keyArn is absent/);
        assert.match(
            check({ ...cluster(), encryptionConfig: { resources: ["secrets"], provider: { keyArn: "arn:aws:kms:eu-west-1:1:alias/aws/eks" } } }).violations[0],
            /an AWS-managed key alias/,
        );
    });

    it("survives wrong types", () => {
        assert.match(check({ ...cluster(), encryptionConfig: "secrets" }).violations[0], /encryptionConfig is "secrets"/);
        assert.match(check({ ...cluster(), encryptionConfig: { resources: "secrets", provider: { keyArn } } }).violations[0], /without "secrets"/);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check({ ...cluster(), encryptionConfig: { resources: ["secrets"], provider: { keyArn: unknownValue<string>("string") } } });
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /keyArn/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksSecretsEncryption, types.kmsKey, {}).notApplicable ?? "", /does not apply/);
    });
});
