// Issue 15 item 2: remediation keeps secret inputs secret. Through the engine runner: a Remediate call
// with secret-wrapped values returns them wrapped, so the engine never stores them in plaintext.
import * as assert from "assert";
import { secretSig, secretValue, signatureKey } from "../../../engine/wire";
import { useRunner } from "../../e2e";

const credential = "cg-test-credential-7f3a9c";

function podWithSecrets(): object {
    return {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "web", namespace: "shop" },
        spec: {
            securityContext: { runAsNonRoot: true },
            containers: [{
                name: "app",
                image: "registry.example.com/app:1.0",
                env: [{ name: "DB_PASSWORD", value: secretValue(credential) }, { name: "MODE", value: "prod" }],
                // The whole securityContext is secret: the fix writes into it and it must stay secret.
                securityContext: secretValue({ allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } }),
            }],
        },
    };
}

const isSecretOf = (value: unknown) => typeof value === "object" && value !== null && (value as Record<string, unknown>)[signatureKey] === secretSig;

describe("remediation keeps secrets secret (engine runner)", () => {
    const runner = useRunner({ "k8s-pss-restricted-seccomp": "remediate" });

    it("returns secret env values and secret objects wrapped as secrets, with the fix applied", async () => {
        const { remediations } = await runner().remediate({ type: "kubernetes:core/v1:Pod", name: "shop/web", props: podWithSecrets() });
        const fixed = remediations.find((r) => r.policyName === "k8s-pss-restricted-seccomp");
        assert.ok(fixed?.properties, JSON.stringify(remediations));
        const spec = (fixed.properties as { spec: { securityContext: Record<string, unknown>; containers: Record<string, unknown>[] } }).spec;
        assert.deepStrictEqual(spec.securityContext.seccompProfile, { type: "RuntimeDefault" });
        const [container] = spec.containers;
        const [password, mode] = container.env as Record<string, unknown>[];
        assert.ok(isSecretOf(password.value), `env value returned as ${JSON.stringify(password.value)}`);
        assert.strictEqual((password.value as Record<string, unknown>).value, credential);
        assert.strictEqual(mode.value, "prod");
        assert.ok(isSecretOf(container.securityContext));
        // No plaintext copy of the credential anywhere outside a secret wrapper.
        const plaintext = JSON.stringify(fixed.properties, (_k, v) => (isSecretOf(v) ? "<secret>" : v));
        assert.ok(!plaintext.includes(credential), plaintext);
    });
});
