// AdminNetworkPolicy and BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1): a Deny of the metadata
// networks blocks it before any NetworkPolicy; Pass does not block; neither kind counts as default-deny ingress.
import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sBlockMetadataEgress as egressPolicy } from "../../../policies/kubernetes/network/k8s-block-metadata-egress";
import { k8sNetworkDefaultDenyIngress as ingressPolicy } from "../../../policies/kubernetes/network/k8s-network-default-deny-ingress";
import { liveObject } from "../../fixtures/live-object";
import { checkStack, type StackResourceInput } from "../../harness";
import { adminNetworkPolicy, baselineAdminNetworkPolicy, customResource, deployment, metadataCidrs, networkPolicy } from "./fixtures";

describe("AdminNetworkPolicy and BaselineAdminNetworkPolicy", () => {
    const web = deployment("web", "shop", { app: "web" });
    const egress = (...policies: StackResourceInput[]) => checkStack(egressPolicy, [web, ...policies]);
    const rule = (action: string, extra: Record<string, unknown> = {}) => ({ name: `${action.toLowerCase()}-metadata`, action, to: [{ networks: metadataCidrs }], ...extra });
    const denyMetadata = adminNetworkPolicy("deny-metadata", { priority: 10, subject: { namespaces: {} }, egress: [rule("Deny")] });
    const allowAll = networkPolicy("egress", "shop", { podSelector: {}, policyTypes: ["Egress"], egress: [{}] });

    it("a Deny of the metadata networks blocks it for every subject pod, before NetworkPolicies allow it", () => {
        assert.deepStrictEqual(egress(denyMetadata).violations, []);
        assert.deepStrictEqual(egress(denyMetadata, allowAll).violations, []);
    });

    it("Pass does not block: the NetworkPolicies decide, and without one nothing restricts egress", () => {
        const pass = adminNetworkPolicy("pass", { priority: 10, subject: { namespaces: {} }, egress: [rule("Pass")] });
        const r = egress(pass);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0].message, /no NetworkPolicy with policyTypes Egress selects them, so they can reach the metadata API at 169\.254\.169\.254, fd00:ec2::254/);
        const open = egress(pass, allowAll).violations;
        assert.strictEqual(open.length, 1, "one finding for the rule, naming both addresses");
        assert.match(open[0].message, /NetworkPolicy "shop\/egress", whose spec\.egress\[0\] has no `to`, so it allows every destination, so the pods can reach the metadata API at 169\.254\.169\.254, fd00:ec2::254\. Fix: list "169\.254\.169\.254\/32", "fd00:ec2::254\/128" under the `except` of the ipBlocks that contain them/);
    });

    it("priority decides between AdminNetworkPolicies: a lower number is evaluated first", () => {
        const allowEarlier = adminNetworkPolicy("allow", { priority: 5, subject: { namespaces: {} }, egress: [{ action: "Allow", to: [{ networks: ["0.0.0.0/0"] }] }] });
        const r = egress(denyMetadata, allowEarlier);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0].message, /selected by AdminNetworkPolicy "allow", whose spec\.egress\[0\] to\[0\]\.networks\[0\] 0\.0\.0\.0\/0 contains 169\.254\.169\.254, so the pods can reach the metadata API at 169\.254\.169\.254\. Fix: set the rule's action to Deny, or take 169\.254\.169\.254 out of its `networks`/);
        const allowLater = adminNetworkPolicy("allow", { priority: 50, subject: { namespaces: {} }, egress: [{ action: "Allow", to: [{ networks: ["0.0.0.0/0"] }] }] });
        assert.deepStrictEqual(egress(denyMetadata, allowLater).violations, []);
    });

    it("a Deny limited to other ports does not block", () => {
        const https = adminNetworkPolicy("deny", { priority: 10, subject: { namespaces: {} }, egress: [rule("Deny", { ports: [{ portNumber: { protocol: "TCP", port: 443 } }] })] });
        assert.strictEqual(egress(https).violations.length, 1);
        const range = adminNetworkPolicy("deny", { priority: 10, subject: { namespaces: {} }, egress: [rule("Deny", { ports: [{ portRange: { protocol: "TCP", start: 1, end: 1024 } }] })] });
        assert.deepStrictEqual(egress(range).violations, []);
    });

    it("subjects select namespaces by their labels, and pods by namespace and pod labels", () => {
        const namespace = { type: "kubernetes:core/v1:Namespace", name: "shop", props: { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop", labels: { tier: "apps" } } } };
        const byNamespace = adminNetworkPolicy("deny", { priority: 10, subject: { namespaces: { matchLabels: { tier: "apps" } } }, egress: [rule("Deny")] });
        assert.deepStrictEqual(egress(namespace, byNamespace).violations, []);
        assert.strictEqual(egress(byNamespace).violations.length, 1);
        const byPod = adminNetworkPolicy("deny", { priority: 10, subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: "api" } } } }, egress: [rule("Deny")] });
        assert.strictEqual(egress(byPod).violations.length, 1);
    });

    it("the baseline policy blocks only pods that no NetworkPolicy isolates", () => {
        const baseline = baselineAdminNetworkPolicy({ subject: { namespaces: {} }, egress: [rule("Deny")] });
        assert.deepStrictEqual(egress(baseline).violations, []);
        assert.strictEqual(egress(baseline, allowAll).violations.length, 1);
    });

    it("never counts as default-deny ingress: its ingress peers cannot name traffic from outside the cluster", () => {
        const denyIngress = adminNetworkPolicy("deny-ingress", { priority: 10, subject: { namespaces: {} }, ingress: [{ action: "Deny", from: [{ namespaces: {} }] }] });
        const baseline = baselineAdminNetworkPolicy({ subject: { namespaces: {} }, ingress: [{ action: "Deny", from: [{ namespaces: {} }] }] });
        const r = checkStack(ingressPolicy, [web, denyIngress, baseline]);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0].message, /no NetworkPolicy with policyTypes Ingress selects/);
    });

    it("ignores a policy with wrong-typed fields, and says why", () => {
        const cases: [unknown, RegExp][] = [
            [{ priority: "high", subject: { namespaces: {} }, egress: [rule("Deny")] }, /AdminNetworkPolicy "odd" is ignored: its spec\.priority has the wrong type: expected a number, found string "high"/],
            [{ priority: 10, subject: "everyone", egress: [rule("Deny")] }, /spec\.subject has the wrong type: expected an object with `namespaces` or `pods` selectors, found string "everyone"/],
            [{ priority: 10, subject: { namespaces: {} }, egress: { action: "Deny" } }, /spec\.egress has the wrong type: expected an array of rules, found object/],
        ];
        for (const [spec, message] of cases) {
            const r = egress(adminNetworkPolicy("odd", spec));
            assert.strictEqual(r.violations.length, 1, JSON.stringify(spec));
            assert.match(r.violations[0].message, message);
        }
    });

    it("defers the pods an unknown cluster-wide policy may select", () => {
        const unknown = adminNetworkPolicy("deny", { priority: 10, subject: { namespaces: {} }, egress: [{ action: "Deny", to: [{ networks: unknownValue("array") }] }] });
        const r = egress(unknown);
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /AdminNetworkPolicy "deny": spec\.egress\[0\]\.to\[0\]\.networks is computed from another resource/);
    });

    it("gives the same verdicts on the live objects (state)", () => {
        const live = (r: StackResourceInput) => ({ ...r, props: liveObject(r.props as object) });
        assert.deepStrictEqual(checkStack(egressPolicy, [live(web), live(denyMetadata), live(allowAll)]).violations, []);
        assert.deepStrictEqual(egress(customResource("policy.networking.k8s.io/v1alpha1", "AdminNetworkPolicy", "x", undefined, { spec: { priority: 1, subject: { namespaces: {} }, egress: [rule("Pass")] } }), allowAll).violations.length, 1);
    });
});
