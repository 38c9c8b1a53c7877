import * as assert from "assert";
import type { NetworkPolicyArgs } from "@pulumi/kubernetes/networking/v1/networkPolicy";
import type * as k8s from "@pulumi/kubernetes/types/input";
import { unknownValue } from "../../../engine/wire";
import { k8sNetworkPolicyNotAllowAll as policy } from "../../../policies/kubernetes/network/k8s-network-policy-not-allow-all";
import { checkResource } from "../../harness";
import { networkPolicyType } from "./fixtures";

const np = (spec: k8s.networking.v1.NetworkPolicySpec): NetworkPolicyArgs => ({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "p", namespace: "shop" }, spec });

describe("k8s-network-policy-not-allow-all", () => {
    it("passes default-deny and targeted rules, and 0.0.0.0/0 with except", () => {
        for (const spec of [
            { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
            { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: "lb" } } }] }], egress: [{ ports: [{ port: 53, protocol: "UDP" }] }] },
            { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.169.254/32"] } }] }] },
            { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ port: 443 }] }] },
        ]) {
            assert.deepStrictEqual(checkResource(policy, networkPolicyType, np(spec)).violations, [], JSON.stringify(spec));
        }
    });

    it("flags an empty ingress rule and an empty egress rule", () => {
        const r = checkResource(policy, networkPolicyType, np({ podSelector: {}, ingress: [{}], egress: [{ to: [] }] }));
        assert.strictEqual(r.violations.length, 2);
        assert.match(r.violations[0], /^NetworkPolicy "shop\/p": spec\.ingress\[0\] has no `from` and no `ports`, so it allows all ingress from anywhere/);
        assert.match(r.violations[1], /spec\.egress\[0\] has no `to`.*all egress to anywhere/);
    });

    it("flags ipBlocks open to every address without except, IPv4 and IPv6", () => {
        const r = checkResource(policy, networkPolicyType, np({ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }], egress: [{ to: [{ ipBlock: { cidr: "::/0" } }] }] }));
        assert.strictEqual(r.violations.length, 2);
        assert.match(r.violations[0], /spec\.ingress\[0\]\.from has an ipBlock open to every address/);
    });

    it("matches the Patch variant and the old extensions API, not other types", () => {
        const open = np({ podSelector: {}, ingress: [{}] });
        assert.strictEqual(checkResource(policy, "kubernetes:networking.k8s.io/v1:NetworkPolicyPatch", open).violations.length, 1);
        assert.strictEqual(checkResource(policy, "kubernetes:extensions/v1beta1:NetworkPolicy", open).violations.length, 1);
        assert.match(checkResource(policy, "kubernetes:core/v1:Service", {}).notApplicable ?? "", /does not apply/);
    });

    it("survives odd shapes and leaves unknowns to the SDK", () => {
        assert.deepStrictEqual(checkResource(policy, networkPolicyType, { spec: { ingress: "all", egress: [null, 1] } }).violations, []);
        assert.deepStrictEqual(checkResource(policy, networkPolicyType, {}).violations, []);
        assert.ok(checkResource(policy, networkPolicyType, np({ podSelector: {}, ingress: unknownValue("array") })).unknown);
    });
});
