import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksKmsKeyRotation } from "../../policies/aws/eks-kms-key-rotation";
import { checkStack } from "../harness";
import { hardenedStack, keyArn, keyId, types, urnOf, withProps } from "./fixtures";

const check = (stack: ReturnType<typeof hardenedStack>) => checkStack(eksKmsKeyRotation, stack);
const messages = (stack: ReturnType<typeof hardenedStack>) => check(stack).violations.map((v) => v.message);
const unrotated = (stack = hardenedStack()) => withProps(stack, "eks-secrets", (p) => ({ ...p, enableKeyRotation: false }));

describe("eks-kms-key-rotation", () => {
    it("passes a rotating cluster key", () => {
        assert.deepStrictEqual(messages(hardenedStack()), []);
    });

    it("flags the cluster's key without rotation, on the key", () => {
        const r = check(unrotated());
        assert.deepStrictEqual(r.violations.map((v) => v.message), [
            'Key "eks-secrets": enableKeyRotation is false; the key encrypts the secrets of Cluster "prod". Fix: set enableKeyRotation: true',
        ]);
        assert.strictEqual(r.violations[0].urn, `urn:pulumi:test::test::${types.kmsKey}::eks-secrets`);
    });

    it("flags the absent field (KMS then never rotates)", () => {
        assert.match(messages(withProps(hardenedStack(), "eks-secrets", ({ enableKeyRotation: _, ...p }) => p))[0], /enableKeyRotation is absent, and KMS then never rotates the key/);
    });

    it("resolves the key by ARN, key id or URN, and from a list-shaped encryptionConfig", () => {
        for (const ref of [keyArn, keyId, `urn:pulumi:test::test::${types.kmsKey}::eks-secrets`]) {
            const stack = withProps(unrotated(), "prod", (p) => ({ ...p, encryptionConfig: [{ resources: ["secrets"], provider: { keyArn: ref } }] }));
            assert.strictEqual(messages(stack).length, 1, ref);
        }
    });

    it("ignores keys no cluster uses, and clusters whose key is elsewhere", () => {
        const stack = withProps(unrotated(), "prod", (p) => ({ ...p, encryptionConfig: { resources: ["secrets"], provider: { keyArn: "arn:aws:kms:eu-west-1:1:key/other" } } }));
        assert.deepStrictEqual(messages(stack), []);
        assert.match(check(hardenedStack().filter((r) => r.type !== types.kmsKey)).notApplicable ?? "", /No resources of type aws:kms\/key:Key/);
    });

    it("reports values of the wrong type as such", () => {
        assert.deepStrictEqual(messages(withProps(unrotated(), "prod", (p) => ({ ...p, encryptionConfig: "kms" }))), []);
        assert.match(messages(withProps(hardenedStack(), "eks-secrets", (p) => ({ ...p, enableKeyRotation: "yes" })))[0], /enableKeyRotation has the wrong type: expected a boolean, found string "yes"/);
    });

    it("finds the key by property dependency in a first preview, when the ARN is unknown", () => {
        const preview = (stack: ReturnType<typeof hardenedStack>) =>
            stack.map((r) =>
                r.type === types.kmsKey
                    ? { ...r, props: { ...r.props, id: unknownValue("string"), keyId: unknownValue("string"), arn: unknownValue("string") } }
                    : r.type === types.cluster
                      ? {
                            ...r,
                            props: { ...r.props, encryptionConfig: { resources: ["secrets"], provider: { keyArn: unknownValue("string") } } },
                            propertyDependencies: { encryptionConfig: [urnOf(types.kmsKey, "eks-secrets")] },
                        }
                      : r,
            );
        const r = checkStack(eksKmsKeyRotation, preview(unrotated()));
        assert.match(r.violations[0]?.message ?? "", /^Key "eks-secrets": enableKeyRotation is false; the key encrypts the secrets of Cluster "prod"/);
        assert.strictEqual(r.unknown, undefined);
        // @pulumi/eks computes the whole block from encryptionConfigKeyArn: the dependency still names the key.
        const whole = preview(unrotated()).map((r) => (r.type === types.cluster ? { ...r, props: { ...r.props, encryptionConfig: unknownValue("object") } } : r));
        assert.strictEqual(checkStack(eksKmsKeyRotation, whole).violations.length, 1);
        assert.deepStrictEqual(checkStack(eksKmsKeyRotation, preview(hardenedStack())).violations, []);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check(withProps(hardenedStack(), "eks-secrets", (p) => ({ ...p, enableKeyRotation: unknownValue<boolean>("bool") })));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /enableKeyRotation/);
    });
});
