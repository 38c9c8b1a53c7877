// Issue 15, "every setting validates to its meaning": globs that compile in every glob-valued setting, and
// ServiceAccount subjects with a namespace. (Calendar dates: test/core/versions.test.ts.)
import * as assert from "assert";
import { compileGlobs, globProblem } from "../../policies/core";
import { policies } from "../../policies";
import { k8sRbacNoClusterAdminBinding } from "../../policies/kubernetes/rbac/k8s-rbac-no-cluster-admin-binding";
import { clusterRoleBinding, types } from "../fixtures/rbac";
import { exampleResources, useRunner } from "../e2e";
import { checkResource } from "../harness";
import type { ResourceValidationPolicy } from "@pulumi/policy";

const malformed = ["[", "a{b,", "[a-", "a]", "(", "[z-a]", "x\\"];
const wellFormed = ["*", "kube-*", "ghcr.io/org/*", "a{b,c}", "system:*", "*/exec", "[abc]-?", "values.auth.*"];

/** Every glob-valued setting of the pack: the shared exemptions and each policy's own. */
const globSettings: [policy: string, setting: string, type: string][] = [
    ["k8s-no-privileged-containers", "excludeNamespaces", "kubernetes:apps/v1:Deployment"],
    ["eks-endpoint-private", "excludeResourceNames", "aws:eks/cluster:Cluster"],
    ["k8s-rbac-no-cluster-admin-binding", "allowedSubjects", types.clusterRoleBinding],
    ["k8s-helm-release-no-credentials", "ignoreValuePaths", "kubernetes:helm.sh/v3:Release"],
    ["k8s-no-alpha-beta-api-versions", "allowedApiVersions", "kubernetes:apps/v1:Deployment"],
    ["k8s-no-secret-env-literals", "ignoreNames", "kubernetes:apps/v1:Deployment"],
    ["k8s-image-registry-allowed", "allowedRegistries", "kubernetes:apps/v1:Deployment"],
];

const byName = (name: string) => policies.find((p) => p.name === name) as unknown as ResourceValidationPolicy;

describe("config: settings validate to their meaning", () => {
    it("globProblem accepts patterns that compile and names what is wrong with the others", () => {
        for (const pattern of wellFormed) assert.strictEqual(globProblem(pattern), undefined, pattern);
        for (const pattern of malformed) assert.ok(globProblem(pattern), pattern);
        assert.strictEqual(globProblem("["), 'Missing closing: "]"');
        assert.throws(() => compileGlobs("p", "someSetting", ["ok", "a{b,"]), /invalid configuration for policy "p": someSetting: "a\{b," is not a valid glob pattern \(Missing closing: "\}"\)/);
    });

    for (const [policyName, setting, type] of globSettings) {
        it(`${policyName}: ${setting} rejects a glob that does not compile, naming the setting and the value`, () => {
            const policy = byName(policyName);
            const prefix = setting === "allowedSubjects" ? "User:" : setting === "allowedRegistries" ? "ghcr.io/" : "";
            for (const pattern of ["[", "a{b,"]) {
                assert.throws(
                    () => checkResource(policy, type, { metadata: { name: "x" } }, { config: { [setting]: [`${prefix}${pattern}`] } }),
                    (e: Error) => e.name === "PolicyConfigError" && e.message.includes(`${setting}: ${JSON.stringify(`${prefix}${pattern}`)} is not a valid glob pattern`),
                    `${policyName} ${setting} ${pattern}`,
                );
            }
            checkResource(policy, type, { metadata: { name: "x" } }, { config: { [setting]: [`${prefix}ok-*`] } });
        });
    }

    it("k8s-rbac-no-cluster-admin-binding: a ServiceAccount subject needs its namespace", () => {
        const binding = clusterRoleBinding([{ kind: "ServiceAccount", name: "ci", namespace: "build" }], "cluster-admin");
        for (const entry of ["ServiceAccount:ci", "ServiceAccount:/ci", "ServiceAccount:build/", "ServiceAccount:build/ci/x"]) {
            assert.throws(() => checkResource(k8sRbacNoClusterAdminBinding, types.clusterRoleBinding, binding, { config: { allowedSubjects: [entry] } }),
                new RegExp(`allowedSubjects: ${JSON.stringify(entry).replace(/[/]/g, "\\/")} names a ServiceAccount without its namespace`), entry);
        }
        for (const entry of ["ServiceAccount:build/ci", "ServiceAccount:build/*", "ServiceAccount:*/ci"]) {
            assert.deepStrictEqual(checkResource(k8sRbacNoClusterAdminBinding, types.clusterRoleBinding, binding, { config: { allowedSubjects: [entry] } }).violations, [], entry);
        }
        assert.strictEqual(checkResource(k8sRbacNoClusterAdminBinding, types.clusterRoleBinding, binding, { config: { allowedSubjects: ["User:ci"] } }).violations.length, 1);
    });

    describe("through the engine runner", () => {
        const runner = useRunner({ "k8s-no-privileged-containers": { excludeNamespaces: ["["] } });
        it("a PolicyConfigError arrives as a clear error naming the policy, the setting and the value", async () => {
            const resources = exampleResources("kubernetes/pod-security-hardened.yaml").filter((r) => r.type === "kubernetes:apps/v1:Deployment");
            await assert.rejects(runner().evaluate(resources), /invalid configuration for policy "k8s-no-privileged-containers": excludeNamespaces: "\[" is not a valid glob pattern \(Missing closing: "\]"\)/);
        });
    });
});
