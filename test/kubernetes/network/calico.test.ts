// Calico NetworkPolicy and GlobalNetworkPolicy (projectcalico.org/v3) count towards default-deny ingress and
// metadata blocking as Calico evaluates them: by tier and order, first matching rule, end-of-tier deny.
import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sBlockMetadataEgress as egressPolicy } from "../../../policies/kubernetes/network/k8s-block-metadata-egress";
import { k8sNetworkDefaultDenyIngress as ingressPolicy } from "../../../policies/kubernetes/network/k8s-network-default-deny-ingress";
import { parseCalicoSelector } from "../../../policies/kubernetes/network/calico-selector";
import { liveObject } from "../../fixtures/live-object";
import { checkStack, type StackResourceInput } from "../../harness";
import { calicoGlobalPolicy, calicoPolicy, customResource, deployment, metadataCidrs, networkPolicy } from "./fixtures";

describe("Calico network policies", () => {
    const web = deployment("web", "shop", { app: "web" });
    const ingress = (...policies: StackResourceInput[]) => checkStack(ingressPolicy, [web, ...policies]);
    const egress = (...policies: StackResourceInput[]) => checkStack(egressPolicy, [web, ...policies]);
    const denyMetadata = { action: "Deny", protocol: "TCP", destination: { nets: metadataCidrs } };
    const hardened = calicoPolicy("default-deny", "shop", { selector: "all()", types: ["Ingress", "Egress"], egress: [denyMetadata, { action: "Allow" }] });

    it("selector expressions: all(), ==, !=, has, in, not in, &&, ||, !, parentheses; invalid ones select nothing", () => {
        const labels = { app: "web", tier: "front" };
        const m = (s: string) => parseCalicoSelector(s)?.(labels);
        assert.strictEqual(m("all()"), true);
        assert.strictEqual(m(""), true);
        assert.strictEqual(m("app == 'web'"), true);
        assert.strictEqual(m('app == "api"'), false);
        assert.strictEqual(m("app != 'api'"), true);
        assert.strictEqual(m("has(tier) && !has(debug)"), true);
        assert.strictEqual(m("app in {'api', 'web'}"), true);
        assert.strictEqual(m("env not in {'prod'}"), true);
        assert.strictEqual(m("(app == 'api' || tier == 'front') && app starts with 'w'"), true);
        assert.strictEqual(m("app contains 'e' && tier ends with 'nt'"), true);
        assert.strictEqual(parseCalicoSelector("app == "), undefined);
        assert.strictEqual(parseCalicoSelector("app = 'web'"), undefined);
        assert.strictEqual(parseCalicoSelector("(app == 'web'"), undefined);
    });

    describe("default-deny ingress", () => {
        it("counts a policy that selects the pods with Ingress in its types", () => {
            assert.deepStrictEqual(ingress(hardened).violations, []);
            assert.deepStrictEqual(ingress(calicoPolicy("p", "shop", { selector: "app == 'web'", types: ["Ingress"] })).violations, []);
            // No types and no rules: Calico's default is Ingress.
            assert.deepStrictEqual(ingress(calicoPolicy("p", "shop", {})).violations, []);
        });

        it("does not count egress-only policies (Calico's default types when only egress rules exist), other selectors, or a Pass-all rule", () => {
            for (const spec of [{ egress: [denyMetadata] }, { selector: "app == 'api'", types: ["Ingress"] }, { types: ["Ingress"], ingress: [{ action: "Pass" }] }]) {
                assert.strictEqual(ingress(calicoPolicy("p", "shop", spec)).violations.length, 1, JSON.stringify(spec));
            }
        });

        it("lets a tier's Pass-all hand the pods to a default-deny NetworkPolicy", () => {
            const pass = calicoGlobalPolicy("security-pass", { tier: "security", selector: "all()", types: ["Ingress"], ingress: [{ action: "Pass" }] });
            assert.strictEqual(ingress(pass).violations.length, 1);
            assert.deepStrictEqual(ingress(pass, networkPolicy("deny", "shop", { podSelector: {} })).violations, []);
        });

        it("applies a GlobalNetworkPolicy in the namespaces its namespaceSelector matches", () => {
            assert.deepStrictEqual(ingress(calicoGlobalPolicy("deny", { selector: "all()", types: ["Ingress"] })).violations, []);
            assert.deepStrictEqual(ingress(calicoGlobalPolicy("deny", { namespaceSelector: "kubernetes.io/metadata.name == 'shop'", types: ["Ingress"] })).violations, []);
            assert.deepStrictEqual(ingress(calicoGlobalPolicy("deny", { selector: "projectcalico.org/namespace == 'shop'", types: ["Ingress"] })).violations, []);
            const namespace = customResource("v1", "Namespace", "shop", undefined, {});
            (namespace.props as { metadata: { labels?: Record<string, string> } }).metadata.labels = { team: "payments" };
            namespace.type = "kubernetes:core/v1:Namespace";
            assert.deepStrictEqual(ingress(namespace, calicoGlobalPolicy("deny", { namespaceSelector: "team == 'payments'", types: ["Ingress"] })).violations, []);
            assert.strictEqual(ingress(calicoGlobalPolicy("deny", { namespaceSelector: "team == 'payments'", types: ["Ingress"] })).violations.length, 1);
        });

        it("flags an Allow rule with no match criteria", () => {
            const r = ingress(calicoPolicy("open", "shop", { types: ["Ingress"], ingress: [{ action: "Allow" }] }));
            assert.strictEqual(r.violations.length, 1);
            assert.match(r.violations[0].message, /selected by Calico NetworkPolicy "shop\/open", whose spec\.ingress\[0\] has `action: Allow` and no match criteria, so it allows all traffic from anywhere/);
        });
    });

    describe("metadata egress", () => {
        it("passes a Deny of the metadata nets before an Allow-all", () => {
            assert.deepStrictEqual(egress(hardened).violations, []);
        });

        it("flags the Allow-all when it comes first: the first matching rule decides", () => {
            const r = egress(calicoPolicy("p", "shop", { types: ["Egress"], egress: [{ action: "Allow" }, denyMetadata] }));
            assert.strictEqual(r.violations.length, 1);
            assert.match(r.violations[0].message, /selected by Calico NetworkPolicy "shop\/p", whose spec\.egress\[0\] allows every destination, so the pods can reach the metadata API at 169\.254\.169\.254, fd00:ec2::254/);
            assert.match(r.violations[0].message, /Fix: add a rule before it with `action: Deny` and `destination: \{ nets: \["169\.254\.169\.254\/32", "fd00:ec2::254\/128"\] \}`/);
        });

        it("orders policies: a GlobalNetworkPolicy below order 1000 blocks before NetworkPolicies allow, one above does not", () => {
            const allowAll = networkPolicy("egress", "shop", { podSelector: {}, policyTypes: ["Egress"], egress: [{}] });
            assert.deepStrictEqual(egress(allowAll, calicoGlobalPolicy("deny-metadata", { order: 10, selector: "all()", types: ["Egress"], egress: [denyMetadata] })).violations, []);
            assert.strictEqual(egress(allowAll, calicoGlobalPolicy("deny-metadata", { order: 2000, selector: "all()", types: ["Egress"], egress: [denyMetadata] })).violations.length, 1);
            // No order: evaluated last.
            assert.strictEqual(egress(allowAll, calicoGlobalPolicy("deny-metadata", { selector: "all()", types: ["Egress"], egress: [denyMetadata] })).violations.length, 1);
        });

        it("denies what no rule of an applying tier matched, and follows Pass to the next tier", () => {
            assert.deepStrictEqual(egress(calicoGlobalPolicy("lockdown", { tier: "security", selector: "all()", types: ["Egress"], egress: [] })).violations, []);
            const pass = calicoGlobalPolicy("pass", { tier: "security", selector: "all()", types: ["Egress"], egress: [{ action: "Pass" }] });
            assert.strictEqual(egress(pass).violations.length, 1);
            assert.match(egress(pass).violations[0].message, /no NetworkPolicy with policyTypes Egress selects them/);
        });

        it("does not count a Deny limited to other ports, protocols, or a source the pods do not match", () => {
            for (const rule of [
                { action: "Deny", protocol: "UDP", destination: { nets: metadataCidrs } },
                { action: "Deny", destination: { nets: metadataCidrs, ports: [443] } },
                { action: "Deny", source: { selector: "app == 'api'" }, destination: { nets: metadataCidrs } },
            ]) {
                assert.strictEqual(egress(calicoPolicy("p", "shop", { types: ["Egress"], egress: [rule, { action: "Allow" }] })).violations.length, 1, JSON.stringify(rule));
            }
            const ranged = calicoPolicy("p", "shop", { types: ["Egress"], egress: [{ action: "Deny", destination: { nets: metadataCidrs, ports: ["1:1024"] } }, { action: "Allow" }] });
            assert.deepStrictEqual(egress(ranged).violations, []);
        });
    });

    it("ignores a policy with wrong-typed fields or an invalid selector, and says why", () => {
        const cases: [unknown, RegExp][] = [
            [{ selector: { matchLabels: { app: "web" } } }, /Calico NetworkPolicy "shop\/odd" is ignored: its spec\.selector has the wrong type: expected a selector expression string, found object/],
            [{ selector: "app = 'web'" }, /spec\.selector "app = 'web'" is not a valid Calico selector/],
            [{ types: "Ingress" }, /spec\.types has the wrong type: expected an array, found string "Ingress"/],
            [{ order: "first" }, /spec\.order has the wrong type: expected a number, found string "first"/],
        ];
        for (const [spec, message] of cases) {
            const r = ingress(calicoPolicy("odd", "shop", spec));
            assert.strictEqual(r.violations.length, 1, JSON.stringify(spec));
            assert.match(r.violations[0].message, message);
        }
    });

    it("defers only the pods an unknown policy may select", () => {
        const api = deployment("api", "other", { app: "api" });
        const r = checkStack(egressPolicy, [web, api, calicoPolicy("p", "shop", { types: ["Egress"], egress: [{ action: "Deny", destination: { nets: unknownValue("array") } }] })]);
        assert.match(r.unknown ?? "", /^NetworkPolicy "shop\/p": spec\.egress\[0\]\.destination\.nets is computed from another resource/);
        assert.deepStrictEqual(r.violations.map((v) => v.message.split(":")[0]), ['Deployment "other/api"']);
    });

    it("gives the same verdicts on the live objects (state), and reads crd.projectcalico.org/v1", () => {
        const live = (r: StackResourceInput) => ({ ...r, props: liveObject(r.props as object) });
        assert.deepStrictEqual(checkStack(egressPolicy, [live(web), live(hardened)]).violations, []);
        assert.deepStrictEqual(checkStack(ingressPolicy, [live(web), live(hardened)]).violations, []);
        const crd = customResource("crd.projectcalico.org/v1", "NetworkPolicy", "default-deny", "shop", { spec: (hardened.props as { spec: unknown }).spec });
        assert.deepStrictEqual(egress(crd).violations, []);
    });
});
