import * as assert from "assert";
import { unknownValue } from "../../engine/wire";
import { eksKmsKeyRotation } from "../../policies/aws/eks-kms-key-rotation";
import { checkStack } from "../harness";
import { hardenedStack, keyArn, keyId, types, withProps } from "./fixtures";

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

    it("survives wrong types", () => {
        assert.deepStrictEqual(messages(withProps(unrotated(), "prod", (p) => ({ ...p, encryptionConfig: "kms" }))), []);
        assert.strictEqual(messages(withProps(hardenedStack(), "eks-secrets", (p) => ({ ...p, enableKeyRotation: "yes" }))).length, 1);
    });

    it("leaves an unknown value to the SDK during preview", () => {
        const r = check(withProps(hardenedStack(), "eks-secrets", (p) => ({ ...p, enableKeyRotation: unknownValue<boolean>("bool") })));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /enableKeyRotation/);
    });
});
