import * as assert from "assert";
import { labelSelectorMatches } from "../../../policies/core";
import { egressRuleAllows, policyTypesOf } from "../../../policies/kubernetes/network/segmentation";

describe("kubernetes/network/segmentation helpers", () => {
    const labels = { app: "web", tier: "front" };

    it("label selectors: empty and absent select everything", () => {
        assert.ok(labelSelectorMatches({}, labels));
        assert.ok(labelSelectorMatches(undefined, labels));
        assert.ok(labelSelectorMatches({}, {}));
    });

    it("label selectors: matchLabels", () => {
        assert.ok(labelSelectorMatches({ matchLabels: { app: "web" } }, labels));
        assert.ok(!labelSelectorMatches({ matchLabels: { app: "api" } }, labels));
        assert.ok(!labelSelectorMatches({ matchLabels: { app: "web", env: "prod" } }, labels));
    });

    it("label selectors: In, NotIn, Exists, DoesNotExist, unknown operators", () => {
        const m = (key: string, operator: string, values?: string[]) => labelSelectorMatches({ matchExpressions: [{ key, operator, values }] }, labels);
        assert.ok(m("app", "In", ["web", "api"]));
        assert.ok(!m("app", "In", ["api"]));
        assert.ok(!m("env", "In", ["prod"]));
        assert.ok(m("app", "NotIn", ["api"]));
        assert.ok(m("env", "NotIn", ["prod"]));
        assert.ok(!m("app", "NotIn", ["web"]));
        assert.ok(m("tier", "Exists"));
        assert.ok(!m("env", "Exists"));
        assert.ok(m("env", "DoesNotExist"));
        assert.ok(!m("app", "DoesNotExist"));
        assert.ok(!m("app", "Equals", ["web"]));
        assert.ok(labelSelectorMatches({ matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["front"] }] }, labels));
        assert.ok(!labelSelectorMatches({ matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["back"] }] }, labels));
    });

    it("label selectors: odd shapes select nothing rather than crash", () => {
        assert.ok(!labelSelectorMatches("app=web", labels));
        assert.ok(!labelSelectorMatches({ matchLabels: ["app"] }, labels));
        assert.ok(!labelSelectorMatches({ matchExpressions: [{ operator: "Exists" }] }, labels));
    });

    it("policyTypes default like the API server: Ingress, plus Egress when egress rules exist", () => {
        assert.deepStrictEqual([...policyTypesOf({})], ["Ingress"]);
        assert.deepStrictEqual([...policyTypesOf({ egress: [] })], ["Ingress"]);
        assert.deepStrictEqual([...policyTypesOf({ egress: [{}] })], ["Ingress", "Egress"]);
        assert.deepStrictEqual([...policyTypesOf({ policyTypes: ["Egress"] })], ["Egress"]);
    });

    it("egress rules: ipBlocks, except lists, ports and IPv6 judged with real CIDR math", () => {
        const imds = "169.254.169.254";
        assert.match(egressRuleAllows({}, imds) ?? "", /allows every destination/);
        assert.match(egressRuleAllows({ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }, imds) ?? "", /to\[0\]\.ipBlock 0\.0\.0\.0\/0 contains/);
        assert.match(egressRuleAllows({ to: [{ ipBlock: { cidr: "169.254.0.0/16" } }] }, imds) ?? "", /169\.254\.0\.0\/16/);
        assert.strictEqual(egressRuleAllows({ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.169.254/32"] } }] }, imds), undefined);
        assert.strictEqual(egressRuleAllows({ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.0.0/16"] } }] }, imds), undefined);
        assert.ok(egressRuleAllows({ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.169.0/31"] } }] }, imds));
        assert.strictEqual(egressRuleAllows({ to: [{ ipBlock: { cidr: "10.0.0.0/8" } }] }, imds), undefined);
        assert.strictEqual(egressRuleAllows({ to: [{ podSelector: {} }] }, imds), undefined);
        assert.strictEqual(egressRuleAllows({ ports: [{ port: 53, protocol: "UDP" }] }, imds), undefined);
        assert.strictEqual(egressRuleAllows({ ports: [{ port: 443 }] }, imds), undefined);
        assert.ok(egressRuleAllows({ ports: [{ port: 1, endPort: 1024 }] }, imds));
        assert.ok(egressRuleAllows({ ports: [{ port: "http" }] }, imds), "named ports cannot be judged");
        assert.strictEqual(egressRuleAllows({ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }, "fd00:ec2::254"), undefined);
        assert.ok(egressRuleAllows({ to: [{ ipBlock: { cidr: "::/0" } }] }, "fd00:ec2::254"));
        assert.strictEqual(egressRuleAllows({ to: [{ ipBlock: { cidr: "::/0", except: ["fd00:ec2::/32"] } }] }, "fd00:ec2::254"), undefined);
        assert.strictEqual(egressRuleAllows({ to: [{ ipBlock: { cidr: "not-a-cidr" } }] }, imds), undefined);
    });
});
