import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { policies } from "../../policies";
import { enforcementRule, policiesMarkdown, updatedReadme } from "../../scripts/docs";

const root = path.resolve(__dirname, "..", "..", "..");

describe("generated docs", () => {
    it("docs/POLICIES.md matches the policies' metadata (run npm run docs)", () => {
        assert.strictEqual(fs.readFileSync(path.join(root, "docs", "POLICIES.md"), "utf8"), policiesMarkdown());
    });

    it("README's control list matches the policies' metadata (run npm run docs)", () => {
        const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
        assert.strictEqual(readme, updatedReadme(readme));
    });

    it("lists every policy with its severity, remediation and framework reference", () => {
        const doc = policiesMarkdown();
        for (const p of policies) {
            assert.ok(doc.includes(`### ${p.name}\n`), p.name);
            assert.ok(doc.includes(p.remediationSteps ?? "<none>"), `${p.name} remediation`);
            if (p.framework) assert.ok(doc.includes(p.framework.reference), `${p.name} framework`);
        }
    });

    it("states the rule the default enforcement levels follow (issue 12, Noise)", () => {
        const doc = policiesMarkdown();
        assert.ok(doc.includes(`${enforcementRule.join("\n")}`));
        assert.match(doc, /mandatory\*\* by default when a reviewer would block the deploy/);
    });

    it("keeps the levels the noise review set: context-dependent hardening advisory, baseline and exposure mandatory", () => {
        const level = (name: string) => policies.find((p) => p.name === name)?.enforcementLevel;
        const advisory = [
            "k8s-image-pull-policy-always", "k8s-container-resources", "k8s-readonly-root-filesystem", "k8s-network-policy-not-allow-all",
            "k8s-network-default-deny-ingress", "k8s-block-metadata-egress", "aks-network-policy-enabled", "gke-network-policy",
            "aks-auto-upgrade-channel", "aks-azure-rbac-enabled", "aks-monitoring-enabled", "gke-monitoring-enabled",
            "aks-workload-identity-enabled", "aks-node-encryption-at-host", "eks-no-bootstrap-cluster-creator-admin", "gke-secure-boot",
        ];
        for (const name of advisory) assert.strictEqual(level(name), "advisory", name);
        const mandatory = [
            "k8s-no-privileged-containers", "k8s-pss-host-namespaces", "k8s-pss-host-path-volumes", "k8s-pss-baseline-capabilities",
            "eks-endpoint-private", "gke-private-endpoint", "aks-private-cluster", "k8s-image-tag-pinned", "k8s-loadbalancer-internal",
        ];
        for (const name of mandatory) assert.strictEqual(level(name), "mandatory", name);
    });
});
