// One stack, several clusters: a Kubernetes object's siblings are those of its own cluster, told by its
// provider (policies/kubernetes/clusters.ts). Where the stack cannot tell, it stays one cluster.
import * as assert from "assert";
import type { ClusterArgs } from "@pulumi/gcp/container/cluster";
import type { NamespaceArgs } from "@pulumi/kubernetes/core/v1/namespace";
import type { ProviderArgs } from "@pulumi/kubernetes/provider";
import { unknownValue } from "../../engine/wire";
import { k8sBlockMetadataEgress } from "../../policies/kubernetes/network/k8s-block-metadata-egress";
import { k8sNetworkDefaultDenyIngress } from "../../policies/kubernetes/network/k8s-network-default-deny-ingress";
import { k8sPssNamespaceAdmission } from "../../policies/kubernetes/pod-security/k8s-pss-namespace-admission";
import { k8sNamespaceQuotaAndLimits } from "../../policies/kubernetes/workload/k8s-namespace-quota-and-limits";
import { clustersOf } from "../../policies/kubernetes/clusters";
import { checkStack, type StackResourceInput, stackResources } from "../harness";
import { ciliumClusterwidePolicy, deployment, hardenedPolicies, metadataCidrs } from "./network/fixtures";

const providerType = "pulumi:providers:kubernetes";
const urnOf = (type: string, name: string) => `urn:pulumi:test::test::${type}::${name}`;

function gkeCluster(name: string): StackResourceInput {
    const props: ClusterArgs = { location: "europe-west1", initialNodeCount: 1 };
    return { type: "gcp:container/cluster:Cluster", name, props };
}

/** A Kubernetes Provider whose kubeconfig was computed from `from` (unknown in a first preview). */
function providerFrom(name: string, from: StackResourceInput | undefined, kubeconfig: ProviderArgs["kubeconfig"] = unknownValue("string")): StackResourceInput {
    const props: ProviderArgs = { kubeconfig };
    return { type: providerType, name, props, propertyDependencies: from ? { kubeconfig: [urnOf(from.type, from.name)] } : {} };
}

/** The object sent through `provider`, as the engine names it: URN and inputs. */
function via(provider: StackResourceInput, object: StackResourceInput, suffix: string): StackResourceInput {
    return { ...object, name: `${object.name}-${suffix}`, provider: { type: provider.type, name: provider.name, urn: urnOf(provider.type, provider.name), props: provider.props } };
}

function kubeconfigFor(server: string, user = "admin"): string {
    return [
        "apiVersion: v1",
        "clusters:",
        `- cluster: {server: "${server}"}`,
        "  name: c",
        "contexts:",
        `- context: {cluster: c, user: ${user}}`,
        "  name: c",
        "current-context: c",
        "users:",
        `- name: ${user}`,
        "  user: {token: not-a-real-token}",
    ].join("\n");
}

function namespace(name: string, labels: Record<string, string> = {}): StackResourceInput {
    const props: NamespaceArgs = { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } };
    return { type: "kubernetes:core/v1:Namespace", name, props };
}

/** The key clustersOf gives each Kubernetes object of a stack, by resource name. */
function clusterKeys(resources: StackResourceInput[]): Record<string, string> {
    const stack = stackResources(resources);
    const clusters = clustersOf(stack);
    return Object.fromEntries(stack.filter((r) => r.type.startsWith("kubernetes:")).map((r) => [r.name, clusters.keyOf(r)]));
}

describe("clusters of a stack", () => {
    const blue = gkeCluster("blue");
    const green = gkeCluster("green");
    const blueProvider = providerFrom("blue", blue);
    const greenProvider = providerFrom("green", green);
    const web = deployment("web", "shop", { app: "web" });

    describe("which cluster an object goes to", () => {
        it("is one cluster when no object names a provider (manifests, a single default provider)", () => {
            assert.deepStrictEqual(clusterKeys([web, namespace("shop")]), { "shop-web": "", shop: "" });
        });

        it("tells clusters apart by the resource each provider's kubeconfig was computed from, unknown or not", () => {
            const keys = clusterKeys([blue, green, blueProvider, greenProvider, via(blueProvider, web, "blue"), via(greenProvider, web, "green"), via(blueProvider, namespace("shop"), "blue")]);
            assert.notStrictEqual(keys["shop-web-blue"], keys["shop-web-green"]);
            assert.strictEqual(keys["shop-web-blue"], keys["shop-blue"]);
            // A second provider built from the same cluster (e.g. one per namespace) is the same cluster.
            const blueToo = providerFrom("blue-apps", blue);
            const same = clusterKeys([blue, green, blueProvider, blueToo, greenProvider, via(blueProvider, web, "blue"), via(blueToo, web, "blue-apps"), via(greenProvider, web, "green")]);
            assert.strictEqual(same["shop-web-blue"], same["shop-web-blue-apps"]);
            assert.notStrictEqual(same["shop-web-blue"], same["shop-web-green"]);
            const known = providerFrom("green", green, kubeconfigFor("https://203.0.113.2"));
            const again = clusterKeys([blue, green, blueProvider, known, via(blueProvider, web, "blue"), via(known, web, "green")]);
            assert.notStrictEqual(again["shop-web-blue"], again["shop-web-green"]);
        });

        it("takes a kubeconfig computed inside a component as the component's, so @pulumi/eks's own provider and the program's are one cluster", () => {
            const component = { type: "eks:index:Cluster", name: "eks", props: {} };
            const child = { ...gkeCluster("eks-cluster"), type: "aws:eks/cluster:Cluster", parent: urnOf(component.type, component.name) };
            const internal = providerFrom("eks-provider", child);
            const programs = providerFrom("mine", component);
            const keys = clusterKeys([component, child, internal, programs, blue, blueProvider, via(internal, web, "internal"), via(programs, web, "mine"), via(blueProvider, web, "blue")]);
            assert.strictEqual(keys["shop-web-internal"], keys["shop-web-mine"]);
            assert.notStrictEqual(keys["shop-web-mine"], keys["shop-web-blue"]);
        });

        it("tells kubeconfigs given as text apart by the API server their context selects, not by their user", () => {
            const one = providerFrom("one", undefined, kubeconfigFor("https://203.0.113.1", "alice"));
            const sameServer = providerFrom("two", undefined, kubeconfigFor("https://203.0.113.1", "bob"));
            const other = providerFrom("three", undefined, kubeconfigFor("https://203.0.113.9"));
            assert.deepStrictEqual(clusterKeys([one, sameServer, via(one, web, "1"), via(sameServer, web, "2")]), { "shop-web-1": "", "shop-web-2": "" });
            const keys = clusterKeys([one, other, via(one, web, "1"), via(other, web, "3")]);
            assert.notStrictEqual(keys["shop-web-1"], keys["shop-web-3"]);
        });

        it("puts the default provider and an explicit one without kubeconfig (e.g. only `namespace`) in the ambient cluster", () => {
            const scoped: StackResourceInput = { type: providerType, name: "scoped", props: { namespace: "shop" } satisfies ProviderArgs };
            const defaultProvider: StackResourceInput = { type: providerType, name: "default_4_18_0", props: {} };
            assert.deepStrictEqual(clusterKeys([scoped, via(scoped, web, "scoped"), via(defaultProvider, web, "default")]), { "shop-web-scoped": "", "shop-web-default": "" });
            const keys = clusterKeys([blue, blueProvider, via(defaultProvider, web, "default"), via(blueProvider, web, "blue")]);
            assert.notStrictEqual(keys["shop-web-default"], keys["shop-web-blue"]);
        });

        it("stays one cluster when one provider cannot be told: a kubeconfig unknown and computed from nothing, a file path, a wrong type", () => {
            for (const unclear of [providerFrom("unclear", undefined), providerFrom("path", undefined, "/home/me/.kube/config"), { ...providerFrom("typo", undefined), props: { kubeconfig: 42 } }]) {
                const keys = clusterKeys([blue, blueProvider, unclear, via(blueProvider, web, "blue"), via(unclear, web, "unclear")]);
                assert.deepStrictEqual(keys, { "shop-web-blue": "", "shop-web-unclear": "" }, unclear.name);
            }
        });
    });

    it("never throws on malformed providers: wrong types, unparsable or hostile kubeconfig text, a parent cycle", () => {
        const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join("\n");
        const odd: StackResourceInput[] = [
            { type: providerType, name: "list", props: { kubeconfig: ["not", "text"] } },
            { type: providerType, name: "object", props: { kubeconfig: { clusters: [] } } },
            providerFrom("unparsable", undefined, "{ clusters: [\n"),
            providerFrom("bomb", undefined, bomb),
            providerFrom("no-server", undefined, "clusters:\n- name: c\n  cluster: {server: 42}\ncurrent-context: c\ncontexts:\n- {name: c, context: {cluster: c}}"),
            { type: providerType, name: "context-only", props: { context: "prod" } },
        ];
        for (const provider of odd) {
            const keys = clusterKeys([blue, blueProvider, provider, via(blueProvider, web, "blue"), via(provider, web, "odd")]);
            assert.deepStrictEqual(keys, { "shop-web-blue": "", "shop-web-odd": "" }, provider.name);
        }
        // A component that names itself as its parent.
        const loop = { type: "my:index:Clusters", name: "loop", props: {}, parent: urnOf("my:index:Clusters", "loop") };
        const looped = providerFrom("looped", loop);
        const keys = clusterKeys([loop, looped, blue, blueProvider, via(looped, web, "looped"), via(blueProvider, web, "blue")]);
        assert.notStrictEqual(keys["shop-web-looped"], keys["shop-web-blue"]);
    });

    describe("siblings are those of the object's own cluster", () => {
        const stack = (...objects: StackResourceInput[]) => [blue, green, blueProvider, greenProvider, ...objects];

        it("a default-deny NetworkPolicy in one cluster does not cover pods of the same namespace in another", () => {
            const r = checkStack(k8sNetworkDefaultDenyIngress, stack(via(blueProvider, web, "blue"), via(greenProvider, web, "green"), ...hardenedPolicies("shop").map((p) => via(blueProvider, p, "blue"))));
            assert.deepStrictEqual(r.violations.map((v) => v.urn), [urnOf(web.type, "shop-web-green")]);
            // The message and the fix name the cluster by its provider, so the fix says which provider to create the policy with.
            assert.match(r.violations[0].message, /namespace "shop" in the cluster of Kubernetes provider "green", which has no NetworkPolicy.*Fix: add a NetworkPolicy in namespace "shop" in the cluster of Kubernetes provider "green"/);
            const both = checkStack(k8sNetworkDefaultDenyIngress, stack(via(blueProvider, web, "blue"), via(greenProvider, web, "green"), ...["blue", "green"].flatMap((c) => hardenedPolicies("shop").map((p) => via(c === "blue" ? blueProvider : greenProvider, p, c)))));
            assert.deepStrictEqual(both.violations, []);
        });

        it("a stack of one cluster keeps its messages as they were", () => {
            const r = checkStack(k8sNetworkDefaultDenyIngress, [blue, blueProvider, via(blueProvider, web, "blue")]);
            assert.match(r.violations[0].message, /in namespace "shop", which has no NetworkPolicy/);
        });

        it("names the ambient cluster by the default provider", () => {
            const r = checkStack(k8sNetworkDefaultDenyIngress, stack(web, via(blueProvider, web, "blue"), ...hardenedPolicies("shop").map((p) => via(blueProvider, p, "blue"))));
            assert.match(r.violations[0].message, /namespace "shop" in the cluster of the default Kubernetes provider, which has no NetworkPolicy/);
            const defaultProvider: StackResourceInput = { type: providerType, name: "default_4_18_0", props: {} };
            const named = checkStack(k8sNetworkDefaultDenyIngress, stack(via(defaultProvider, web, "default"), via(blueProvider, web, "blue"), ...hardenedPolicies("shop").map((p) => via(blueProvider, p, "blue"))));
            assert.match(named.violations[0].message, /namespace "shop" in the cluster of the default Kubernetes provider, which/);
        });

        it("a cluster-wide policy covers only its own cluster", () => {
            const denyMetadata = ciliumClusterwidePolicy("deny-metadata", { endpointSelector: {}, enableDefaultDeny: { ingress: false, egress: false }, egressDeny: [{ toCIDR: metadataCidrs }] });
            const r = checkStack(k8sBlockMetadataEgress, stack(via(blueProvider, web, "blue"), via(greenProvider, web, "green"), via(blueProvider, denyMetadata, "blue")));
            assert.deepStrictEqual([...new Set(r.violations.map((v) => v.urn))], [urnOf(web.type, "shop-web-green")]);
        });

        it("a Namespace's enforced Pod Security level holds only for pods of its cluster", () => {
            const privileged = deployment("web", "shop", { app: "web" }, { containers: [{ name: "app", image: "registry.example.com/app:1.0.0", securityContext: { privileged: true } }] });
            const restricted = namespace("shop", { "pod-security.kubernetes.io/enforce": "baseline" });
            const r = checkStack(k8sPssNamespaceAdmission, stack(via(blueProvider, restricted, "blue"), via(blueProvider, privileged, "blue"), via(greenProvider, privileged, "green")));
            assert.deepStrictEqual([...new Set(r.violations.map((v) => v.urn))], [urnOf(web.type, "shop-web-blue")]);
        });

        it("a ResourceQuota in one cluster does not count for the same namespace in another", () => {
            const quota = (suffix: string, provider: StackResourceInput) => [
                via(provider, { type: "kubernetes:core/v1:ResourceQuota", name: "quota", props: { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "quota", namespace: "shop" }, spec: { hard: { "requests.cpu": "4" } } } }, suffix),
                via(provider, { type: "kubernetes:core/v1:LimitRange", name: "limits", props: { apiVersion: "v1", kind: "LimitRange", metadata: { name: "limits", namespace: "shop" }, spec: { limits: [{ type: "Container", default: { cpu: "500m" } }] } } }, suffix),
            ];
            const r = checkStack(k8sNamespaceQuotaAndLimits, stack(via(blueProvider, web, "blue"), via(greenProvider, web, "green"), ...quota("blue", blueProvider)));
            assert.ok(r.violations.length > 0);
            assert.deepStrictEqual([...new Set(r.violations.map((v) => v.urn))], [urnOf(web.type, "shop-web-green")]);
        });

        it("the provider's kubeconfig never appears in a message", () => {
            const secretish = providerFrom("green", undefined, kubeconfigFor("https://203.0.113.2", "token-holder"));
            const r = checkStack(k8sNetworkDefaultDenyIngress, [blue, blueProvider, secretish, via(blueProvider, web, "blue"), via(secretish, web, "green")]);
            assert.ok(r.violations.length > 0);
            for (const v of r.violations) assert.doesNotMatch(v.message, /not-a-real-token|203\.0\.113/);
        });
    });
});
