// One policy lists at most maxFindingsPerResource findings on one resource, then says how many more it found.
import * as assert from "assert";
import { gkeNoCloudPlatformScope } from "../../policies/gcp/gke-no-cloud-platform-scope";
import { maxFindingsPerResource } from "../../policies/core/finding-cap";
import { k8sNetworkDefaultDenyIngress } from "../../policies/kubernetes/network/k8s-network-default-deny-ingress";
import { k8sBlockMetadataEgress } from "../../policies/kubernetes/network/k8s-block-metadata-egress";
import { checkStack } from "../harness";
import { checkPool, cloudPlatform } from "../gcp/fixtures";
import { deployment, networkPolicy } from "../kubernetes/network/fixtures";

describe("findings per resource are capped", () => {
    it("Analyze: a scope listed 150 times gives the first 100 findings and one that counts the other 50", () => {
        const r = checkPool(gkeNoCloudPlatformScope, { cluster: "c", nodeConfig: { oauthScopes: Array.from({ length: 150 }, () => cloudPlatform) } });
        assert.strictEqual(maxFindingsPerResource, 100);
        assert.strictEqual(r.violations.length, 101);
        assert.match(r.violations[99], /nodeConfig\.oauthScopes\[99\] is/);
        assert.strictEqual(r.violations[100], 'NodePool "test": 50 more findings of this policy on this resource are not listed; the first 100 above show what to fix');
    });

    it("Analyze: exactly 100 findings are all listed, with no count", () => {
        const r = checkPool(gkeNoCloudPlatformScope, { cluster: "c", nodeConfig: { oauthScopes: Array.from({ length: 100 }, () => cloudPlatform) } });
        assert.strictEqual(r.violations.length, 100);
        assert.ok(r.violations.every((v) => /oauthScopes\[\d+\] is/.test(v)));
    });

    it("AnalyzeStack: counts per resource, so other resources keep all their findings", () => {
        const open = (i: number) => networkPolicy(`egress-${i}`, "shop", { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }] });
        const policies = Array.from({ length: 120 }, (_, i) => open(i));
        const crowded = deployment("web", "shop", { app: "web" });
        const other = deployment("api", "other", { app: "api" });
        const r = checkStack(k8sBlockMetadataEgress, [crowded, other, ...policies, networkPolicy("egress", "other", { podSelector: {}, policyTypes: ["Egress"], egress: [{}] })]);
        const onWeb = r.violations.filter((v) => /Deployment "shop\/web"/.test(v.message));
        const onApi = r.violations.filter((v) => /Deployment "other\/api"/.test(v.message));
        // 120 policies, each reaching the IPv4 metadata address; `egress: [{}]` reaches both addresses, in one finding.
        assert.strictEqual(onWeb.length, 101);
        assert.match(onWeb[100].message, /: 20 more findings of this policy on this resource are not listed/);
        assert.strictEqual(onWeb[100].urn, onWeb[0].urn);
        assert.strictEqual(onApi.length, 1);
        assert.match(onApi[0].message, /so the pods can reach the metadata API at 169\.254\.169\.254, fd00:ec2::254\./);
    });

    it("AnalyzeStack: a message already reported on a resource is not reported again", () => {
        // Two stack resources that are one Kubernetes object (same namespace and name) give the same finding.
        const allowAll = networkPolicy("allow-everything", "shop", { podSelector: {}, policyTypes: ["Ingress"], ingress: [{}] });
        const copy = { ...allowAll, name: "shop-np-allow-everything-copy" };
        const other = networkPolicy("allow-all-too", "shop", { podSelector: {}, policyTypes: ["Ingress"], ingress: [{}] });
        const web = deployment("web", "shop", { app: "web" });
        const once = checkStack(k8sNetworkDefaultDenyIngress, [web, allowAll]).violations.map((v) => v.message);
        assert.strictEqual(once.length, 1);
        assert.match(once[0], /NetworkPolicy "shop\/allow-everything"/);
        assert.deepStrictEqual(checkStack(k8sNetworkDefaultDenyIngress, [web, allowAll, copy]).violations.map((v) => v.message), once);
        // A different policy is a different finding.
        assert.strictEqual(checkStack(k8sNetworkDefaultDenyIngress, [web, allowAll, copy, other]).violations.length, 2);
    });
});
