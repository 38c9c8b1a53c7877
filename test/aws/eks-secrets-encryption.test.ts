import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksSecretsEncryption } from "../../policies/aws/eks-secrets-encryption";
import { checkResource } from "../harness";
import { cluster, keyArn, types, urnOf } from "./fixtures";

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

    it("reports values of the wrong type as such", () => {
        assert.match(check({ ...cluster(), encryptionConfig: "secrets" }).violations[0], /encryptionConfig has the wrong type: expected an object, found string "secrets"/);
        assert.match(
            check({ ...cluster(), encryptionConfig: { resources: "secrets", provider: { keyArn } } }).violations[0],
            /encryptionConfig\.resources has the wrong type: expected an array such as \["secrets"\], found string "secrets"/,
        );
        assert.match(check({ ...cluster(), encryptionConfig: { resources: ["secrets"], provider: { keyArn: 42 } } }).violations[0], /keyArn has the wrong type: expected a KMS key ARN string/);
    });

    it("lets presence decide in a preview: an unknown key ARN is a configured customer key", () => {
        const r = check({ ...cluster(), encryptionConfig: { resources: ["secrets"], provider: { keyArn: unknownValue<string>("string") } } });
        assert.deepStrictEqual([r.violations, r.unknown], [[], undefined]);
        assert.deepStrictEqual(check({ ...cluster(), encryptionConfig: { resources: unknownValue("array"), provider: { keyArn } } }).violations, []);
    });

    it("passes a whole encryptionConfig computed by eks.Cluster, and defers one a program computes as a whole", () => {
        const computed = { ...cluster(), encryptionConfig: unknownValue("object") };
        const component = checkResource(eksSecretsEncryption, types.cluster, computed, { name: "c-eksCluster", urn: urnOf(types.cluster, "c-eksCluster", ["eks:index:Cluster"]) });
        assert.deepStrictEqual([component.violations, component.unknown], [[], undefined]);
        const raw = check(computed);
        assert.deepStrictEqual(raw.violations, []);
        assert.match(raw.unknown ?? "", /Cluster "prod": encryptionConfig is computed as a whole from another resource; not known until deploy, so judged at `pulumi up`/);
    });

    it("names the eks.Cluster argument for a cluster that component made", () => {
        const { encryptionConfig: _, ...plain } = cluster();
        const r = checkResource(eksSecretsEncryption, types.cluster, plain, {
            name: "c-eksCluster",
            urn: urnOf(types.cluster, "c-eksCluster", ["eks:index:Cluster"]),
            parent: urnOf("eks:index:Cluster", "c"),
        });
        assert.match(r.violations[0], /Fix: set encryptionConfigKeyArn: key\.arn on eks\.Cluster "c", with a customer-managed aws\.kms\.Key that has enableKeyRotation: true$/);
    });

    it("is not applicable to other types", () => {
        assert.match(checkResource(eksSecretsEncryption, types.kmsKey, {}).notApplicable ?? "", /does not apply/);
    });
});
