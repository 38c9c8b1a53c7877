// The Kubernetes verdicts that need a sibling, in a preview where the reference is unknown: the three
// cases the fuzzing of issue 15 found (an unknown container name, an unknown field in one workload or
// Namespace, an unknown NetworkPolicy namespace), links by property dependency, empty outputs, and fixes
// for objects a chart or manifest rendered.
import * as assert from "assert";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { unknownValue } from "../../engine/wire";
import { fixWhereRendered } from "../../policies/core";
import { k8sBlockMetadataEgress } from "../../policies/kubernetes/network/k8s-block-metadata-egress";
import { k8sNetworkDefaultDenyIngress } from "../../policies/kubernetes/network/k8s-network-default-deny-ingress";
import { k8sNoPrivilegedContainers } from "../../policies/kubernetes/pod-security/k8s-no-privileged-containers";
import { k8sPssHostNamespaces } from "../../policies/kubernetes/pod-security/k8s-pss-host-namespaces";
import { k8sPssNamespaceAdmission } from "../../policies/kubernetes/pod-security/k8s-pss-namespace-admission";
import { k8sReadonlyRootFilesystem } from "../../policies/kubernetes/workload/k8s-readonly-root-filesystem";
import { k8sRbacNoClusterAdminBinding } from "../../policies/kubernetes/rbac/k8s-rbac-no-cluster-admin-binding";
import { k8sRbacNoDefaultSaBinding } from "../../policies/kubernetes/rbac/k8s-rbac-no-default-sa-binding";
import { k8sWorkloadNoTokenAutomount } from "../../policies/kubernetes/rbac/k8s-workload-no-token-automount";
import { everyWorkload } from "../fixtures/workloads";
import { checkResource, checkStack, type StackResourceInput } from "../harness";
import { adminNetworkPolicy, calicoGlobalPolicy, calicoPolicy, ciliumPolicy, deployment, hardenedPolicies, metadataCidrs, networkPolicy } from "./network/fixtures";

const nsUrn = "urn:pulumi:dev::app::kubernetes:core/v1:Namespace::shop";
const namespace = (name: unknown, labels: Record<string, unknown> = {}): StackResourceInput => ({
    type: "kubernetes:core/v1:Namespace",
    name: "shop",
    urn: nsUrn,
    props: { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } },
});
/** An object whose metadata.namespace is `ns.metadata.name`, unknown in a preview. */
function inComputedNamespace(resource: StackResourceInput): StackResourceInput {
    const props = resource.props as { metadata: Record<string, unknown> };
    return { ...resource, props: { ...props, metadata: { ...props.metadata, namespace: unknownValue("string") } }, propertyDependencies: { metadata: [nsUrn] } };
}
const messages = (r: { violations: { message: string }[] }) => r.violations.map((v) => v.message);

describe("Kubernetes siblings and unknowns", () => {
    describe("an unknown container name labels the container by its index (issue 15)", () => {
        const spec = { hostNetwork: true, containers: [{ name: unknownValue<string>("string"), image: "a:1", securityContext: { privileged: true } }] };
        for (const w of everyWorkload(spec)) {
            it(`keeps the PSS findings of a ${w.kind}`, () => {
                const privileged = checkResource(k8sNoPrivilegedContainers, w.type, w.props);
                assert.strictEqual(privileged.unknown, undefined);
                assert.match(privileged.violations[0], /privileged is true on container #0; allowed/);
                assert.strictEqual(checkResource(k8sPssHostNamespaces, w.type, w.props).violations.length, 1);
                assert.match(checkResource(k8sReadonlyRootFilesystem, w.type, w.props).violations[0], /on container #0, and Kubernetes then mounts/);
            });
        }
    });

    describe("k8s-pss-namespace-admission judges each Namespace and workload on its own (issue 15)", () => {
        const restricted = { "pod-security.kubernetes.io/enforce": "restricted" };
        const privileged = (name: string, ns: string, extra: object = {}): StackResourceInput => deployment(name, ns, { app: name }, { containers: [{ name: "app", image: "a:1", securityContext: { privileged: true } }], ...extra });

        it("keeps the findings of one workload when another workload holds an unknown", () => {
            const r = checkStack(k8sPssNamespaceAdmission, [namespace("shop", restricted), privileged("a", "shop"), privileged("b", "shop", { hostPID: unknownValue("bool") })]);
            assert.ok(messages(r).some((m) => /^Deployment "shop\/a": .*privileged is true/.test(m)), messages(r).join("\n"));
            assert.ok(messages(r).some((m) => /^Deployment "shop\/b": .*privileged is true/.test(m)), "the known fields of the workload with the unknown are judged too");
            assert.match(r.unknown ?? "", /Deployment "shop\/b": spec\.template\.spec\.hostPID is computed/);
        });

        it("keeps the findings in one Namespace when another Namespace's label is unknown", () => {
            const other = { ...namespace("other", { "pod-security.kubernetes.io/enforce": unknownValue("string") }), name: "other", urn: "urn:other" };
            const r = checkStack(k8sPssNamespaceAdmission, [namespace("shop", restricted), other, privileged("a", "shop"), privileged("c", "other")]);
            assert.ok(messages(r).some((m) => /^Deployment "shop\/a": /.test(m)));
            assert.ok(!messages(r).some((m) => /"other\/c"/.test(m)));
            assert.match(r.unknown ?? "", /^Namespace "other": metadata\.labels\["pod-security\.kubernetes\.io\/enforce"\] is computed/);
        });

        it("links a workload to its Namespace by property dependency when the namespace is computed", () => {
            const r = checkStack(k8sPssNamespaceAdmission, [namespace("shop", restricted), inComputedNamespace(privileged("a", "shop"))]);
            assert.ok(messages(r).some((m) => /privileged is true .*namespace "shop" enforces restricted:latest/.test(m)), messages(r).join("\n"));
            assert.strictEqual(r.unknown, undefined);
            // The Namespace's own name computed too: it is still the one the workload's metadata came from.
            const unnamed = checkStack(k8sPssNamespaceAdmission, [namespace(unknownValue("string"), restricted), inComputedNamespace(privileged("a", "shop"))]);
            assert.ok(messages(unnamed).some((m) => /namespace of Namespace resource "shop" \(name known at deploy\) enforces restricted/.test(m)), messages(unnamed).join("\n"));
        });
    });

    describe("k8s-block-metadata-egress with a NetworkPolicy whose namespace is computed (issue 15)", () => {
        const web = deployment("web", "shop", { app: "web" });
        const [deny, egress] = hardenedPolicies("shop");

        it("places the policy in the Namespace it was computed from", () => {
            const r = checkStack(k8sBlockMetadataEgress, [namespace("shop"), web, inComputedNamespace(deny), inComputedNamespace(egress)]);
            assert.deepStrictEqual(r, { violations: [] });
            const open = networkPolicy("open", "shop", { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }] });
            const caught = checkStack(k8sBlockMetadataEgress, [namespace("shop"), web, inComputedNamespace(open)]);
            assert.match(messages(caught)[0], /^Deployment "shop\/web": metadata\.namespace has pods selected by NetworkPolicy "shop\/open", whose spec\.egress\[0\] to\[0\]\.ipBlock 0\.0\.0\.0\/0 contains 169\.254\.169\.254/);
        });

        it("without a link, defers only the verdicts the policy could change, and keeps the others", () => {
            const floating = { ...inComputedNamespace(egress), propertyDependencies: {} };
            const other = deployment("api", "other", { app: "api" });
            const r = checkStack(k8sBlockMetadataEgress, [web, other, ...hardenedPolicies("other"), floating, deployment("agent", "infra", { app: "agent" }, { hostNetwork: true })]);
            assert.ok(messages(r).some((m) => /^Deployment "infra\/agent": hostNetwork is true/.test(m)), "host-network findings survive");
            assert.ok(!messages(r).some((m) => /"other\/api"/.test(m)), "a workload its own namespace covers passes");
            assert.match(r.unknown ?? "", /^NetworkPolicy "egress": metadata\.namespace is computed/);
        });

        it("judges a known allowing rule even when another selecting policy is not known yet", () => {
            const open = networkPolicy("open", "shop", { podSelector: {}, policyTypes: ["Egress"], egress: [{}] });
            const pending = networkPolicy("pending", "shop", { podSelector: unknownValue("object"), policyTypes: ["Egress"] });
            const r = checkStack(k8sBlockMetadataEgress, [web, open, pending]);
            assert.strictEqual(r.violations.length, 1, messages(r).join("\n"));
            assert.match(messages(r)[0], /NetworkPolicy "shop\/open", whose spec\.egress\[0\] has no `to`, so it allows every destination, so the pods can reach the metadata API at 169\.254\.169\.254, fd00:ec2::254/);
            assert.strictEqual(r.unknown, undefined);
            const covered = checkStack(k8sNetworkDefaultDenyIngress, [web, networkPolicy("pending", "shop", { podSelector: unknownValue("object"), policyTypes: ["Ingress"] })]);
            assert.deepStrictEqual(covered.violations, []);
            assert.match(covered.unknown ?? "", /^NetworkPolicy "shop\/pending": spec\.podSelector is computed/);
        });
    });

    describe("Cilium, Calico and AdminNetworkPolicy policies in a computed namespace link the same way", () => {
        const web = inComputedNamespace(deployment("web", "shop", { app: "web" }));
        const cilium = ciliumPolicy("default-deny", "shop", { endpointSelector: {}, ingress: [{}], egress: [{ toCIDRSet: [{ cidr: "0.0.0.0/0", except: metadataCidrs }] }] });
        const calico = calicoPolicy("default-deny", "shop", { selector: "all()", types: ["Ingress", "Egress"], egress: [{ action: "Deny", destination: { nets: metadataCidrs } }, { action: "Allow" }] });
        const both = (stack: StackResourceInput[]) => [checkStack(k8sNetworkDefaultDenyIngress, stack), checkStack(k8sBlockMetadataEgress, stack)];

        it("selects the pods of the Namespace the policy was computed from, its name known or not", () => {
            for (const policy of [cilium, calico]) {
                for (const ns of [namespace("shop"), namespace(unknownValue("string"))]) {
                    for (const r of both([ns, web, inComputedNamespace(policy)])) assert.deepStrictEqual(r, { violations: [] }, policy.type);
                }
            }
        });

        it("waits for the namespace's name only when a selector reads it", () => {
            const byName = ciliumPolicy("deny", "shop", { endpointSelector: { matchLabels: { "io.kubernetes.pod.namespace": "shop" } }, ingress: [{}] });
            const r = checkStack(k8sNetworkDefaultDenyIngress, [namespace(unknownValue("string")), web, inComputedNamespace(byName)]);
            assert.deepStrictEqual(r.violations, []);
            assert.match(r.unknown ?? "", /^Namespace "shop": metadata\.name is computed/);
            const global = calicoGlobalPolicy("deny", { selector: "all()", namespaceSelector: "projectcalico.org/name == 'shop'", types: ["Ingress"] });
            assert.match(checkStack(k8sNetworkDefaultDenyIngress, [namespace(unknownValue("string")), web, global]).unknown ?? "", /^Namespace "shop": metadata\.name is computed/);
            assert.deepStrictEqual(checkStack(k8sNetworkDefaultDenyIngress, [namespace("shop"), web, global]), { violations: [] });
        });

        it("without a link, a policy may apply in any namespace; an earlier stage that decides keeps the verdict", () => {
            const floating = { ...inComputedNamespace(calico), propertyDependencies: {} };
            const [ingress, egress] = both([deployment("web", "shop", { app: "web" }), floating]);
            assert.deepStrictEqual(ingress.violations, []);
            assert.match(ingress.unknown ?? "", /metadata\.namespace is computed/);
            assert.deepStrictEqual(egress.violations, []);
            assert.match(egress.unknown ?? "", /metadata\.namespace is computed/);
            // An AdminNetworkPolicy that denies the metadata networks decides before any Calico tier.
            const anp = adminNetworkPolicy("block-metadata", { priority: 10, subject: { namespaces: {} }, egress: [{ action: "Deny", to: [{ networks: metadataCidrs }] }] });
            assert.deepStrictEqual(checkStack(k8sBlockMetadataEgress, [deployment("web", "shop", { app: "web" }), floating, anp]), { violations: [] });
        });
    });

    describe("k8s-workload-no-token-automount links the ServiceAccount the pods run as", () => {
        const saUrn = "urn:pulumi:dev::app::kubernetes:core/v1:ServiceAccount::web";
        const account = (automount: unknown): StackResourceInput => ({ type: "kubernetes:core/v1:ServiceAccount", name: "web", urn: saUrn, props: { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "web-1a2b3c4d", namespace: "shop" }, automountServiceAccountToken: automount } });
        const workload: StackResourceInput = { ...deployment("web", "shop", { app: "web" }, { serviceAccountName: unknownValue("string") }), propertyDependencies: { spec: [saUrn] } };

        it("by property dependency when serviceAccountName is computed", () => {
            assert.deepStrictEqual(checkStack(k8sWorkloadNoTokenAutomount, [workload, account(false)]), { violations: [] });
            assert.match(messages(checkStack(k8sWorkloadNoTokenAutomount, [workload, account(true)]))[0], /inherit ServiceAccount "web-1a2b3c4d", which sets automountServiceAccountToken: true/);
            assert.match(checkStack(k8sWorkloadNoTokenAutomount, [workload, account(unknownValue("bool"))]).unknown ?? "", /^ServiceAccount "shop\/web-1a2b3c4d": automountServiceAccountToken is computed/);
        });
    });

    describe("RBAC bindings link the role and the ServiceAccount their names were computed from", () => {
        const roleUrn = "urn:pulumi:dev::app::kubernetes:rbac.authorization.k8s.io/v1:ClusterRole::admin";
        const saUrn = "urn:pulumi:dev::app::kubernetes:core/v1:ServiceAccount::ci";
        const clusterRole = (name: unknown): StackResourceInput => ({ type: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", name: "admin", urn: roleUrn, props: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name }, rules: [] } });
        const account = (name: unknown): StackResourceInput => ({ type: "kubernetes:core/v1:ServiceAccount", name: "ci", urn: saUrn, props: { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: "shop" } } });
        const binding = (roleRef: object, subjects: object[]): StackResourceInput => ({
            type: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
            name: "ci",
            props: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "ci" }, roleRef, subjects },
            propertyDependencies: { roleRef: [roleUrn], subjects: [saUrn] },
        });
        const computedRole = binding({ apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: unknownValue("string") }, [{ kind: "Group", name: "ops" }]);
        const computedSubject = binding({ apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" }, [{ kind: "ServiceAccount", name: unknownValue("string"), namespace: "shop" }]);

        it("k8s-rbac-no-cluster-admin-binding: the ClusterRole's name decides, against adminRoles", () => {
            assert.deepStrictEqual(checkResource(k8sRbacNoClusterAdminBinding, computedRole.type, computedRole.props), { violations: [] });
            assert.deepStrictEqual(checkStack(k8sRbacNoClusterAdminBinding, [computedRole, clusterRole("admin-1a2b3c4d")]), { violations: [] });
            const flagged = checkStack(k8sRbacNoClusterAdminBinding, [computedRole, clusterRole("platform-admin")], { config: { adminRoles: ["cluster-admin", "platform-admin"] } });
            assert.deepStrictEqual(messages(flagged), ['ClusterRoleBinding "ci": subjects[0] binds Group "ops" to ClusterRole "platform-admin", full control cluster-wide. Fix: bind a least-privilege role instead, or add the subject to allowedSubjects if it is a reviewed break-glass identity']);
            assert.match(checkStack(k8sRbacNoClusterAdminBinding, [computedRole, clusterRole(unknownValue("string"))]).unknown ?? "", /^ClusterRole "admin": metadata\.name is computed/);
            assert.match(checkStack(k8sRbacNoClusterAdminBinding, [{ ...computedRole, propertyDependencies: {} }]).unknown ?? "", /^ClusterRoleBinding "ci": roleRef\.name is computed/);
        });

        it("k8s-rbac-no-default-sa-binding: the ServiceAccount's name decides", () => {
            assert.deepStrictEqual(checkResource(k8sRbacNoDefaultSaBinding, computedSubject.type, computedSubject.props), { violations: [] });
            assert.deepStrictEqual(checkStack(k8sRbacNoDefaultSaBinding, [computedSubject, account("ci-1a2b3c4d")]), { violations: [] });
            assert.match(messages(checkStack(k8sRbacNoDefaultSaBinding, [computedSubject, account("default")]))[0] ?? "", /^ClusterRoleBinding "ci": subjects\[0\] grants ClusterRole "view" cluster-wide to ServiceAccount "shop\/default"/);
            assert.match(checkStack(k8sRbacNoDefaultSaBinding, [{ ...computedSubject, propertyDependencies: {} }]).unknown ?? "", /subjects\[0\]\.name is computed/);
        });

        it("with empty outputs, defers only bindings whose reference was computed from such a sibling", () => {
            const empty = (r: StackResourceInput): StackResourceInput => ({ ...r, props: {} });
            assert.match(checkStack(k8sRbacNoClusterAdminBinding, [empty(computedRole), empty(clusterRole("admin"))]).unknown ?? "", /^ClusterRoleBinding "ci": every output is unknown/);
            assert.deepStrictEqual(checkStack(k8sRbacNoClusterAdminBinding, [{ ...empty(computedRole), propertyDependencies: {} }, empty(clusterRole("admin"))]), { violations: [] });
        });
    });

    describe("empty outputs: the Kubernetes provider is configured from a cluster of the same stack", () => {
        const empty = (r: StackResourceInput): StackResourceInput => ({ ...r, props: {} });
        for (const policy of [k8sBlockMetadataEgress, k8sNetworkDefaultDenyIngress, k8sPssNamespaceAdmission] as StackValidationPolicy[]) {
            it(`${policy.name} defers naming every output, instead of passing`, () => {
                const r = checkStack(policy, [empty(namespace("shop", { "pod-security.kubernetes.io/enforce": "restricted" })), empty(deployment("web", "shop", { app: "web" }))]);
                assert.deepStrictEqual(r.violations, []);
                assert.match(r.unknown ?? "", /every output is unknown in this preview: the Kubernetes provider's configuration \(e\.g\. the cluster's kubeconfig\) is computed from another resource/);
            });
        }
    });

    describe("fixes for objects a chart, manifest or kustomization rendered", () => {
        const child = (chain: string, name: string) => `urn:pulumi:dev::app::${chain}$kubernetes:apps/v1:Deployment::${name}`;
        const cases: [string, string, RegExp][] = [
            ["kubernetes:helm.sh/v4:Chart", "urn:pulumi:dev::app::kubernetes:helm.sh/v4:Chart::ingress", /comes from the Helm chart "ingress": set it through the chart's `values` if the chart exposes it, or else rewrite the rendered object with a transform/],
            ["kubernetes:helm.sh/v3:Chart", "urn:pulumi:dev::app::kubernetes:helm.sh/v3:Chart::redis", /comes from the Helm chart "redis"/],
            ["kubernetes:yaml/v2:ConfigGroup", "urn:pulumi:dev::app::kubernetes:yaml/v2:ConfigGroup::agents", /comes from the YAML manifest "agents": change it in the YAML/],
            ["kubernetes:kustomize/v2:Directory", "urn:pulumi:dev::app::kubernetes:kustomize/v2:Directory::base", /comes from the kustomization "base": change it with a kustomize patch/],
        ];
        for (const [component, parent, expected] of cases) {
            it(`names the ${component} and where to change it, at Analyze and at AnalyzeStack`, () => {
                const [w] = everyWorkload({ hostPID: true, containers: [{ name: "app", image: "a:1" }] }).filter((x) => x.kind === "Deployment");
                const urn = child(`my:index:Platform$${component}`, "x:shop/web");
                const r = checkResource(k8sPssHostNamespaces as ResourceValidationPolicy, w.type, w.props, { urn, parent });
                assert.match(r.violations[0], /^Deployment "shop\/web": spec\.template\.spec\.hostPID is true.*\. Fix: remove hostPID or set it to false\. This object/);
                assert.match(r.violations[0], expected);
                const s = checkStack(k8sWorkloadNoTokenAutomount, [{ type: w.type, name: "x:shop/web", urn, props: w.props }]);
                assert.match(messages(s)[0], /This object comes from the/);
            });
        }

        it("exempts chart children by their Pulumi name (`<chart>:<namespace>/<name>`) or their object name", () => {
            const [w] = everyWorkload({ hostPID: true, containers: [{ name: "app", image: "a:1" }] }).filter((x) => x.kind === "Deployment");
            const urn = child("kubernetes:helm.sh/v4:Chart", "ingress:shop/web");
            const by = (patterns: string[]) => checkResource(k8sPssHostNamespaces, w.type, w.props, { urn, name: "ingress:shop/web", config: { excludeResourceNames: patterns } }).notApplicable;
            // Globs split on "/": the children of chart "ingress" in any namespace are `ingress:*/*`.
            assert.match(by(["ingress:*/*"]) ?? "", /excludeResourceNames matches "ingress:shop\/web"/);
            assert.match(by(["shop/web"]) ?? "", /excludeResourceNames matches "shop\/web"/);
            assert.strictEqual(by(["other:*"]), undefined);
        });

        it("leaves other objects' fixes alone", () => {
            assert.strictEqual(fixWhereRendered("kubernetes:apps/v1:Deployment", "urn:pulumi:dev::app::my:index:App$kubernetes:apps/v1:Deployment::web", undefined, "fix it"), "fix it");
            assert.strictEqual(fixWhereRendered("aws:eks/cluster:Cluster", "urn:pulumi:dev::app::kubernetes:helm.sh/v4:Chart$aws:eks/cluster:Cluster::c", undefined, "fix it"), "fix it");
        });
    });

    describe("excludeNamespaces: an object without a namespace is in default, as its live object is", () => {
        it("exempts it like the live object", () => {
            const [pod] = everyWorkload({ hostPID: true, containers: [{ name: "a", image: "a:1" }] }, { name: "web" });
            assert.match(checkResource(k8sPssHostNamespaces, pod.type, pod.props, { config: { excludeNamespaces: ["default"] } }).notApplicable ?? "", /excludeNamespaces matches "default"/);
            const unknownNs = { ...(pod.props as object), metadata: { name: "web", namespace: unknownValue("string") } };
            assert.strictEqual(checkResource(k8sPssHostNamespaces, pod.type, unknownNs, { config: { excludeNamespaces: ["default"] } }).notApplicable, undefined);
        });
    });
});
