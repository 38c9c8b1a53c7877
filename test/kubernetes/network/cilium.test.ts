// CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy count towards default-deny ingress and metadata
// blocking the way Cilium enforces them; look-alikes that Cilium does not enforce that way do not.
import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sBlockMetadataEgress as egressPolicy } from "../../../policies/kubernetes/network/k8s-block-metadata-egress";
import { k8sNetworkDefaultDenyIngress as ingressPolicy } from "../../../policies/kubernetes/network/k8s-network-default-deny-ingress";
import { liveObject } from "../../fixtures/live-object";
import { checkStack, type StackResourceInput } from "../../harness";
import { ciliumClusterwidePolicy, ciliumPolicy, deployment, metadataCidrs, networkPolicy } from "./fixtures";

describe("Cilium network policies", () => {
    const web = deployment("web", "shop", { app: "web" });
    const ingress = (...policies: StackResourceInput[]) => checkStack(ingressPolicy, [web, ...policies]);
    const egress = (...policies: StackResourceInput[]) => checkStack(egressPolicy, [web, ...policies]);
    const denyAll = ciliumPolicy("default-deny", "shop", { endpointSelector: {}, ingress: [{}], egress: [{ toCIDRSet: [{ cidr: "0.0.0.0/0", except: ["169.254.169.254/32"] }] }] });

    describe("default-deny ingress", () => {
        it("counts an empty endpointSelector with an ingress section (an empty rule allows nothing)", () => {
            assert.deepStrictEqual(ingress(denyAll).violations, []);
        });

        it("counts ingressDeny rules and enableDefaultDeny.ingress: true", () => {
            assert.deepStrictEqual(ingress(ciliumPolicy("deny", "shop", { endpointSelector: {}, ingressDeny: [{ fromEntities: ["world"] }] })).violations, []);
            assert.deepStrictEqual(ingress(ciliumPolicy("deny", "shop", { endpointSelector: {}, enableDefaultDeny: { ingress: true } })).violations, []);
        });

        it("does not count a policy with only egress rules, an empty ingress list, or enableDefaultDeny.ingress: false", () => {
            for (const spec of [
                { endpointSelector: {}, egress: [{ toEndpoints: [{}] }] },
                { endpointSelector: {}, ingress: [] },
                { endpointSelector: {}, ingress: [{ fromEndpoints: [{ matchLabels: { app: "lb" } }] }], enableDefaultDeny: { ingress: false } },
            ]) {
                const r = ingress(ciliumPolicy("p", "shop", spec));
                assert.strictEqual(r.violations.length, 1, JSON.stringify(spec));
                assert.match(r.violations[0].message, /no NetworkPolicy with policyTypes Ingress selects \(nor a Cilium or Calico policy that denies ingress by default\)/);
            }
        });

        it("matches endpointSelector labels with and without the k8s: source prefix, in the policy's namespace only", () => {
            assert.deepStrictEqual(ingress(ciliumPolicy("p", "shop", { endpointSelector: { matchLabels: { "k8s:app": "web" } }, ingress: [{}] })).violations, []);
            assert.deepStrictEqual(ingress(ciliumPolicy("p", "shop", { endpointSelector: { matchExpressions: [{ key: "any:app", operator: "In", values: ["web"] }] }, ingress: [{}] })).violations, []);
            assert.strictEqual(ingress(ciliumPolicy("p", "shop", { endpointSelector: { matchLabels: { app: "api" } }, ingress: [{}] })).violations.length, 1);
            assert.strictEqual(ingress(ciliumPolicy("p", "other", { endpointSelector: {}, ingress: [{}] })).violations.length, 1);
        });

        it("applies a clusterwide policy in every namespace its selector allows", () => {
            assert.deepStrictEqual(ingress(ciliumClusterwidePolicy("deny", { endpointSelector: {}, ingress: [{}] })).violations, []);
            const shopOnly = ciliumClusterwidePolicy("deny", { endpointSelector: { matchLabels: { "k8s:io.kubernetes.pod.namespace": "shop" } }, ingress: [{}] });
            assert.deepStrictEqual(ingress(shopOnly).violations, []);
            const otherOnly = ciliumClusterwidePolicy("deny", { endpointSelector: { matchLabels: { "k8s:io.kubernetes.pod.namespace": "other" } }, ingress: [{}] });
            assert.strictEqual(ingress(otherOnly).violations.length, 1);
            // A host policy selects nodes, not pods.
            assert.strictEqual(ingress(ciliumClusterwidePolicy("host", { nodeSelector: {}, ingress: [{}] })).violations.length, 1);
        });

        it("flags a rule that allows every entity without a port limit", () => {
            const r = ingress(ciliumPolicy("open", "shop", { endpointSelector: {}, ingress: [{ fromEntities: ["all"] }] }));
            assert.strictEqual(r.violations.length, 1);
            assert.match(r.violations[0].message, /selected by CiliumNetworkPolicy "shop\/open", whose spec\.ingress\[0\] has `fromEntities: \["all"\]` and no `toPorts`, so it allows all traffic from anywhere/);
            assert.deepStrictEqual(ingress(ciliumPolicy("lb", "shop", { endpointSelector: {}, ingress: [{ fromEntities: ["all"], toPorts: [{ ports: [{ port: "8080", protocol: "TCP" }] }] }] })).violations, []);
        });

        it("reads `specs`, the list form", () => {
            assert.deepStrictEqual(ingress(customSpecs([{ endpointSelector: { matchLabels: { app: "api" } }, ingress: [{}] }, { endpointSelector: {}, ingress: [{}] }])).violations, []);
        });
    });

    describe("metadata egress", () => {
        it("passes egress toCIDRSet 0.0.0.0/0 with the metadata address excepted (IPv6 stays denied)", () => {
            assert.deepStrictEqual(egress(denyAll).violations, []);
        });

        it("flags toCIDRSet without except, world entities, toCIDR ranges, L4-only rules and a wildcard FQDN", () => {
            // [rule, message, fix]: world entities and port-only rules reach the IPv6 address too, in the same finding.
            const both = /at 169\.254\.169\.254, fd00:ec2::254\. Fix: list "169\.254\.169\.254\/32", "fd00:ec2::254\/128" under the toCIDRSet's `except` \(or add an egressDeny rule for them\)/;
            const ipv4 = /at 169\.254\.169\.254\. Fix: list "169\.254\.169\.254\/32" under the toCIDRSet's `except` \(or add an egressDeny rule for it\)/;
            const cases: [unknown, RegExp, RegExp][] = [
                [{ toCIDRSet: [{ cidr: "0.0.0.0/0" }] }, /spec\.egress\[0\] toCIDRSet\[0\] 0\.0\.0\.0\/0 contains 169\.254\.169\.254/, ipv4],
                [{ toEntities: ["world"] }, /spec\.egress\[0\] toEntities "world" includes 169\.254\.169\.254 and fd00:ec2::254, so/, both],
                [{ toCIDR: ["169.254.0.0/16"] }, /toCIDR\[0\] 169\.254\.0\.0\/16 contains/, ipv4],
                [{ toPorts: [{ ports: [{ port: "80", protocol: "TCP" }] }] }, /names only `toPorts`, so it allows every destination on those ports/, both],
                [{ toFQDNs: [{ matchPattern: "*" }] }, /toFQDNs\[0\] matches metadata\.google\.internal, which resolves to 169\.254\.169\.254/, ipv4],
            ];
            for (const [rule, message, fix] of cases) {
                const r = egress(ciliumPolicy("egress", "shop", { endpointSelector: {}, egress: [rule] }));
                assert.strictEqual(r.violations.length, 1, JSON.stringify(rule));
                assert.match(r.violations[0].message, /^Deployment "shop\/web": metadata\.namespace has pods selected by CiliumNetworkPolicy "shop\/egress", whose /);
                assert.match(r.violations[0].message, message);
                assert.match(r.violations[0].message, fix);
            }
        });

        it("does not flag rules limited to other ports or destinations", () => {
            for (const rule of [{ toPorts: [{ ports: [{ port: "443", protocol: "TCP" }] }] }, { toEndpoints: [{}] }, { toCIDR: ["10.0.0.0/8"] }, {}]) {
                assert.deepStrictEqual(egress(ciliumPolicy("egress", "shop", { endpointSelector: {}, egress: [rule] })).violations, [], JSON.stringify(rule));
            }
        });

        it("lets an egressDeny rule win over every allow, including a NetworkPolicy's", () => {
            const allowAll = networkPolicy("egress", "shop", { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }, { ipBlock: { cidr: "::/0" } }] }] });
            const open = egress(allowAll).violations;
            assert.strictEqual(open.length, 1, "one finding for the rule, with how it reaches each address");
            assert.match(
                open[0].message,
                /whose spec\.egress\[0\] to\[0\]\.ipBlock 0\.0\.0\.0\/0 contains 169\.254\.169\.254 and no `except` entry excludes it; to\[1\]\.ipBlock ::\/0 contains fd00:ec2::254 and no `except` entry excludes it, so the pods can reach the metadata API at 169\.254\.169\.254, fd00:ec2::254\./,
            );
            const deny = ciliumPolicy("deny-metadata", "shop", { endpointSelector: {}, egressDeny: [{ toCIDR: metadataCidrs }] });
            assert.deepStrictEqual(egress(allowAll, deny).violations, []);
        });

        it("does not count a policy without egress rules, or with enableDefaultDeny.egress: false", () => {
            assert.strictEqual(egress(ciliumPolicy("p", "shop", { endpointSelector: {}, ingress: [{}] })).violations.length, 1);
            const notDefaultDeny = ciliumPolicy("p", "shop", { endpointSelector: {}, egress: [{ toEndpoints: [{}] }], enableDefaultDeny: { egress: false } });
            assert.match(egress(notDefaultDeny).violations[0].message, /no NetworkPolicy with policyTypes Egress selects them/);
        });
    });

    it("ignores a policy with wrong-typed fields, and says why", () => {
        const cases: [unknown, RegExp][] = [
            [{ endpointSelector: "all", ingress: [{}] }, /CiliumNetworkPolicy "shop\/odd" is ignored: its spec\.endpointSelector has the wrong type: expected a label selector object, found string "all"/],
            [{ endpointSelector: {}, enableDefaultDeny: true }, /spec\.enableDefaultDeny has the wrong type: expected an object with ingress and egress booleans, found boolean true/],
            [{ endpointSelector: {}, ingress: "deny" }, /spec\.ingress has the wrong type: expected an array of rules, found string "deny"/],
            [{ endpointSelector: {}, enableDefaultDeny: { ingress: "yes" } }, /spec\.enableDefaultDeny\.ingress has the wrong type: expected a boolean, found string "yes"/],
        ];
        for (const [spec, message] of cases) {
            const r = ingress(ciliumPolicy("odd", "shop", spec));
            assert.strictEqual(r.violations.length, 1, JSON.stringify(spec));
            assert.match(r.violations[0].message, message);
        }
        assert.match(ingress(ciliumPolicy("odd", "shop", "deny")).violations[0].message, /spec has the wrong type: expected a rule object, found string "deny"/);
    });

    it("defers only the pods an unknown policy may select", () => {
        const api = deployment("api", "other", { app: "api" });
        const unknown = ciliumPolicy("deny", "shop", { endpointSelector: unknownValue("object"), ingress: [{}] });
        for (const policy of [ingressPolicy, egressPolicy]) {
            const r = checkStack(policy, [web, api, unknown]);
            assert.match(r.unknown ?? "", /CiliumNetworkPolicy "shop\/deny": spec\.endpointSelector is computed from another resource/);
            assert.strictEqual(r.violations.length, 1, policy.name);
            assert.match(r.violations[0].message, /^Deployment "other\/api"/);
        }
        // A clusterwide policy may select pods anywhere.
        const clusterwide = ciliumClusterwidePolicy("deny", { endpointSelector: {}, ingress: unknownValue("array") });
        assert.deepStrictEqual(checkStack(ingressPolicy, [web, api, clusterwide]).violations, []);
    });

    it("gives the same verdicts on the live objects (state)", () => {
        const live = (r: StackResourceInput) => ({ ...r, props: liveObject(r.props as object) });
        assert.deepStrictEqual(checkStack(ingressPolicy, [live(web), live(denyAll)]).violations, []);
        assert.deepStrictEqual(checkStack(egressPolicy, [live(web), live(denyAll)]).violations, []);
        assert.strictEqual(checkStack(egressPolicy, [live(web), live(ciliumPolicy("p", "shop", { endpointSelector: {}, egress: [{ toCIDR: ["0.0.0.0/0"] }] }))]).violations.length, 1);
    });
});

function customSpecs(specs: unknown[]): StackResourceInput {
    const { spec: _none, ...props } = ciliumPolicy("multi", "shop", undefined).props as Record<string, unknown>;
    return { ...ciliumPolicy("multi", "shop", undefined), props: { ...props, specs } };
}
