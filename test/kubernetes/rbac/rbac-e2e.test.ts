// End to end through the engine runner: the demo examples, and each single weakening of the hardened set.
import * as assert from "assert";
import type { ResourceInput } from "../../../engine/runner";
import { rbacPolicies } from "../../../policies/kubernetes/rbac";
import { everyWorkload } from "../../fixtures/workloads";
import { exampleManifests, manifestResources, reportedPolicies, useRunner } from "../../e2e";

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; [key: string]: unknown };

const rbacNames = new Set(rbacPolicies.map((p) => p.name));

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe("rbac policies end to end (engine runner)", () => {
    const runner = useRunner();
    const hardened = exampleManifests<Manifest>("kubernetes/rbac-hardened.yaml");
    const find = (manifests: Manifest[], kind: string) => manifests.find((m) => m.kind === kind)!;

    it("the hardened example passes clean", async () => {
        const evaluation = await runner().evaluate(manifestResources(hardened));
        const all = [...evaluation.resources.flatMap((r) => r.result.diagnostics), ...evaluation.stack.diagnostics];
        assert.deepStrictEqual(all.map((d) => d.message), []);
    });

    it("the insecure example trips every role and binding control", async () => {
        const evaluation = await runner().evaluate(manifestResources(exampleManifests<Manifest>("kubernetes/rbac-insecure.yaml")));
        const expected = rbacPolicies.map((p) => p.name).filter((n) => !n.startsWith("k8s-workload-")).sort();
        assert.deepStrictEqual(reportedPolicies(evaluation, rbacNames), expected);
        const masters = evaluation.resources.flatMap((r) => r.result.diagnostics).find((d) => d.policyName === "k8s-rbac-no-cluster-admin-binding");
        assert.strictEqual(masters?.severity, "critical");
        assert.strictEqual(masters?.enforcementLevel, "mandatory");
        assert.strictEqual(masters?.urn, "urn:pulumi:dev::cluster-guard-scan::kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding::ci-cluster-admin");
    });

    const role = (m: Manifest[]) => find(m, "Role") as Manifest & { rules: object[] };
    const binding = (m: Manifest[]) => find(m, "RoleBinding") as Manifest & { roleRef: { kind: string; name: string }; subjects: object[] };
    const deployment = (automount: boolean | undefined, serviceAccountName?: string): Manifest => {
        const [, , , d] = everyWorkload({
            ...(serviceAccountName ? { serviceAccountName } : {}),
            ...(automount === undefined ? {} : { automountServiceAccountToken: automount }),
            containers: [{ name: "app", image: "registry.example.com/web:1.0.0" }],
        });
        return d.props as Manifest;
    };

    const weakenings: [string, (m: Manifest[]) => void, string[]][] = [
        ["the ServiceAccount mounts its token", (m) => void (find(m, "ServiceAccount").automountServiceAccountToken = true), ["k8s-sa-no-token-automount"]],
        ["the Role uses a verbs wildcard", (m) => void role(m).rules.push({ apiGroups: [""], resources: ["configmaps"], verbs: ["*"] }), ["k8s-rbac-no-wildcards"]],
        ["the Role reads Secrets", (m) => void role(m).rules.push({ apiGroups: [""], resources: ["secrets"], verbs: ["list"] }), ["k8s-rbac-no-secret-read"]],
        ["the Role creates Deployments", (m) => void role(m).rules.push({ apiGroups: ["apps"], resources: ["deployments"], verbs: ["create"] }), ["k8s-rbac-no-pod-create"]],
        ["the Role execs into pods", (m) => void role(m).rules.push({ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }), ["k8s-rbac-no-pod-exec"]],
        ["the Role impersonates ServiceAccounts", (m) => void role(m).rules.push({ apiGroups: [""], resources: ["serviceaccounts"], verbs: ["impersonate"] }), ["k8s-rbac-no-escalation-verbs"]],
        ["the Role mints tokens", (m) => void role(m).rules.push({ apiGroups: [""], resources: ["serviceaccounts/token"], verbs: ["create"] }), ["k8s-rbac-no-sa-token-create"]],
        ["the Role creates PersistentVolumes", (m) => void role(m).rules.push({ apiGroups: [""], resources: ["persistentvolumes"], verbs: ["create"] }), ["k8s-rbac-no-pv-create"]],
        ["the Role patches LoadBalancer status", (m) => void role(m).rules.push({ apiGroups: [""], resources: ["services/status"], verbs: ["patch"] }), ["k8s-rbac-no-service-status-write"]],
        ["the Role reaches the kubelet", (m) => void role(m).rules.push({ apiGroups: [""], resources: ["nodes/proxy"], verbs: ["get"] }), ["k8s-rbac-no-node-proxy"]],
        ["the Role approves CSRs", (m) => void role(m).rules.push({ apiGroups: ["certificates.k8s.io"], resources: ["signers"], verbs: ["approve"] }), ["k8s-rbac-no-csr-approval"]],
        ["the Role edits webhooks", (m) => void role(m).rules.push({ apiGroups: ["admissionregistration.k8s.io"], resources: ["validatingwebhookconfigurations"], verbs: ["delete"] }), ["k8s-rbac-no-webhook-config-write"]],
        ["the Role lives in kube-system and patches every ConfigMap", (m) => {
            role(m).metadata.namespace = "kube-system";
            role(m).rules.push({ apiGroups: [""], resources: ["configmaps"], verbs: ["patch"] });
        }, ["k8s-rbac-no-aws-auth-write"]],
        ["the binding grants cluster-admin", (m) => void (binding(m).roleRef = { kind: "ClusterRole", name: "cluster-admin" }), ["k8s-rbac-no-cluster-admin-binding"]],
        ["the binding names the default ServiceAccount", (m) => void binding(m).subjects.push({ kind: "ServiceAccount", name: "default", namespace: "shop" }), ["k8s-rbac-no-default-sa-binding"]],
        ["the binding names system:authenticated", (m) => void binding(m).subjects.push({ kind: "Group", name: "system:authenticated" }), ["k8s-rbac-no-anonymous-binding"]],
        ["the binding names system:masters", (m) => void binding(m).subjects.push({ kind: "Group", name: "system:masters" }), ["k8s-rbac-no-system-masters-binding"]],
        ["a long-lived token Secret is added", (m) => void m.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "web-token", namespace: "shop" }, type: "kubernetes.io/service-account-token" }), ["k8s-no-sa-token-secrets"]],
        ["a workload inherits the ServiceAccount's token after it opts in", (m) => {
            find(m, "ServiceAccount").automountServiceAccountToken = true;
            m.push(deployment(undefined, "web"));
        }, ["k8s-sa-no-token-automount", "k8s-workload-no-token-automount"]],
        ["a workload runs as the default ServiceAccount", (m) => void m.push(deployment(false)), ["k8s-workload-no-default-sa"]],
    ];

    for (const [what, weaken, expected] of weakenings) {
        it(`catches it when ${what}`, async () => {
            const manifests = clone(hardened);
            weaken(manifests);
            assert.deepStrictEqual(reportedPolicies(await runner().evaluate(manifestResources(manifests)), rbacNames), expected);
        });
    }

    it("a workload that inherits automount: false from its ServiceAccount in the stack passes", async () => {
        const manifests = clone(hardened);
        manifests.push(deployment(undefined, "web"));
        assert.deepStrictEqual(reportedPolicies(await runner().evaluate(manifestResources(manifests)), rbacNames), []);
    });
});

describe("rbac policies end to end with config (engine runner)", () => {
    const runner = useRunner({ "k8s-rbac-no-cluster-admin-binding": { allowedSubjects: ["Group:platform-admins"] }, "k8s-rbac-no-anonymous-binding": { allowedAuthenticatedRoles: ["system:discovery"] } });

    it("applies the subject and role allow-lists", async () => {
        const crb = (name: string, role: string, subject: object): ResourceInput => ({
            type: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
            name,
            props: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role }, subjects: [subject] },
        });
        const allowed = await runner().evaluate([crb("admins", "cluster-admin", { kind: "Group", name: "platform-admins" }), crb("discovery", "system:discovery", { kind: "Group", name: "system:authenticated" })]);
        assert.deepStrictEqual(reportedPolicies(allowed, rbacNames), []);
        const denied = await runner().evaluate([crb("admins", "cluster-admin", { kind: "Group", name: "developers" })]);
        assert.deepStrictEqual(reportedPolicies(denied, rbacNames), ["k8s-rbac-no-cluster-admin-binding"]);
    });
});
