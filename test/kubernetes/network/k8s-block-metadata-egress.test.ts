import * as assert from "assert";
import { unknownValue } from "../../../engine/wire";
import { k8sBlockMetadataEgress as policy } from "../../../policies/kubernetes/network/k8s-block-metadata-egress";
import { everyWorkload } from "../../fixtures/workloads";
import { checkStack } from "../../harness";
import { deployment, hardenedPolicies, networkPolicy } from "./fixtures";

describe("k8s-block-metadata-egress", () => {
    const web = deployment("web", "shop", { app: "web" });

    it("passes egress open except 169.254.169.254/32, and DNS-only rules", () => {
        assert.deepStrictEqual(checkStack(policy, [web, ...hardenedPolicies("shop")]).violations, []);
    });

    it("passes a deny-all egress policy", () => {
        assert.deepStrictEqual(checkStack(policy, [web, networkPolicy("deny", "shop", { podSelector: {}, policyTypes: ["Egress"] })]).violations, []);
    });

    it("flags a namespace without egress restriction, for every workload kind", () => {
        const workloads = everyWorkload({ containers: [{ name: "app", image: "a:1" }] }).map((w, i) => ({ type: w.type, name: `w${i}`, props: w.props }));
        const ingressOnly = networkPolicy("deny", "shop", { podSelector: {}, policyTypes: ["Ingress"] });
        const r = checkStack(policy, [...workloads, ingressOnly]);
        assert.strictEqual(r.violations.length, workloads.length);
        assert.ok(r.violations.every((v) => /metadata\.namespace puts the pods in namespace "shop", where no NetworkPolicy with policyTypes Egress selects them, so they can reach the metadata API at 169\.254\.169\.254, fd00:ec2::254/.test(v.message)));
    });

    it("flags an ipBlock 0.0.0.0/0 without except", () => {
        const open = networkPolicy("egress", "shop", { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }] });
        const r = checkStack(policy, [web, open]);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0].message, /NetworkPolicy "shop\/egress", whose spec\.egress\[0\] to\[0\]\.ipBlock 0\.0\.0\.0\/0 contains 169\.254\.169\.254/);
        assert.match(r.violations[0].message, /Fix: list "169\.254\.169\.254\/32" under the ipBlock's `except`/);
    });

    it("flags an except list that misses the address, an empty rule, and ::/0 for the AWS IPv6 endpoint", () => {
        const cases = [
            { to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["10.0.0.0/8"] } }] },
            {},
            { to: [{ ipBlock: { cidr: "::/0" } }] },
        ];
        for (const rule of cases) {
            const p = networkPolicy("egress", "shop", { podSelector: {}, policyTypes: ["Egress"], egress: [rule] });
            const r = checkStack(policy, [web, p]);
            assert.strictEqual(r.violations.length, 1, JSON.stringify(rule));
            const reached = rule.to?.[0].ipBlock.cidr === "::/0" ? "fd00:ec2::254" : rule.to ? "169.254.169.254" : "169.254.169.254, fd00:ec2::254";
            assert.ok(r.violations[0].message.includes(`so the pods can reach the metadata API at ${reached}.`), r.violations[0].message);
        }
    });

    it("judges the union: a second policy selecting the pods can reopen the address", () => {
        const reopen = networkPolicy("web-egress", "shop", { podSelector: { matchLabels: { app: "web" } }, egress: [{ to: [{ ipBlock: { cidr: "169.254.169.254/32" } }] }] });
        const r = checkStack(policy, [web, ...hardenedPolicies("shop"), reopen]);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0].message, /"shop\/web-egress"/);
    });

    it("reports host-network workloads separately, naming an all-host-network namespace", () => {
        const agent = deployment("agent", "infra", { app: "agent" }, { hostNetwork: true });
        const r = checkStack(policy, [agent, ...hardenedPolicies("infra")]);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0].message, /^Deployment "infra\/agent": hostNetwork is true: every workload in namespace "infra" runs with hostNetwork, so no NetworkPolicy covers/);
        const mixed = checkStack(policy, [agent, deployment("web", "infra", { app: "web" }), ...hardenedPolicies("infra")]);
        assert.strictEqual(mixed.violations.length, 1);
        assert.match(mixed.violations[0].message, /hostNetwork is true: the pods run with hostNetwork/);
    });

    it("accepts configured metadata addresses and rejects non-addresses", () => {
        const p = networkPolicy("egress", "shop", { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["169.254.169.254/32"] } }] }] });
        const r = checkStack(policy, [web, p], { config: { metadataAddresses: ["169.254.169.254", "168.63.129.16"] } });
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0].message, /168\.63\.129\.16/);
        assert.throws(() => checkStack(policy, [web, p], { config: { metadataAddresses: ["10.0.0.0/8"] } }), /metadataAddresses: "10\.0\.0\.0\/8" is not an IP address/);
    });

    it("is not applicable without workloads, and survives odd shapes", () => {
        assert.match(checkStack(policy, hardenedPolicies("shop")).notApplicable ?? "", /No resources/);
        const odd = networkPolicy("odd", "shop", { podSelector: {}, policyTypes: ["Egress"], egress: ["nope" as never, { to: "x" as never, ports: [null as never] }] });
        assert.strictEqual(checkStack(policy, [web, odd]).violations.length, 0);
    });

    it("leaves unknown values to the SDK", () => {
        const p = networkPolicy("egress", "shop", { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: unknownValue("string") } }] }] });
        assert.ok(checkStack(policy, [web, p]).unknown);
    });
});
