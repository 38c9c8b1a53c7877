// End to end through the engine runner: the Cilium example is clean under every policy of the pack and each
// weakening of its policies is caught; Calico, AdminNetworkPolicy and ClusterNetworkPolicy manifests, read by the CLI's reader
// (apiVersion and kind become `kubernetes:<group>/<version>:<Kind>`), are judged the same way.
import * as assert from "assert";
import { exampleManifests, exampleResources, type Manifest, manifestResources, reportedPolicies, useRunner } from "../../e2e";

const segmentation = new Set(["k8s-network-default-deny-ingress", "k8s-block-metadata-egress"]);
const cilium = () => exampleManifests("kubernetes/network-cilium-hardened.yaml");
const find = (objects: Manifest[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata?.name === name)!;
const workloads = () => cilium().filter((o) => o.kind !== "CiliumNetworkPolicy" && o.kind !== "CiliumClusterwideNetworkPolicy");

describe("network policy engines (end to end through the engine runner)", () => {
    const runner = useRunner({ "k8s-image-registry-allowed": { allowedRegistries: ["registry.example.com"] } });

    it("the CLI reader gives the Cilium policies their custom-resource type tokens", () => {
        const types = exampleResources("kubernetes/network-cilium-hardened.yaml").map((r) => r.type);
        assert.ok(types.includes("kubernetes:cilium.io/v2:CiliumNetworkPolicy"));
        assert.ok(types.includes("kubernetes:cilium.io/v2:CiliumClusterwideNetworkPolicy"));
    });

    it("the Cilium example is clean under every policy", async () => {
        assert.deepStrictEqual(reportedPolicies(await runner().evaluate(manifestResources(cilium()))), []);
    });

    const weakenings: { what: string; edit: (o: Manifest[]) => Manifest[]; expected: string[] }[] = [
        { what: "no Cilium policies", edit: () => workloads(), expected: ["k8s-block-metadata-egress", "k8s-network-default-deny-ingress"] },
        {
            what: "an allow-all-entities ingress rule",
            edit: (o) => (find(o, "CiliumNetworkPolicy", "web-traffic").spec.ingress.push({ fromEntities: ["all"] }), o),
            expected: ["k8s-network-default-deny-ingress"],
        },
        {
            what: "the metadata `except` removed and the clusterwide deny gone",
            edit: (o) => (delete find(o, "CiliumNetworkPolicy", "web-traffic").spec.egress[1].toCIDRSet[0].except, o.filter((x) => x.kind !== "CiliumClusterwideNetworkPolicy")),
            expected: ["k8s-block-metadata-egress"],
        },
        {
            what: "default deny switched off",
            edit: (o) => {
                for (const name of ["default-deny", "web-traffic"]) find(o, "CiliumNetworkPolicy", name).spec.enableDefaultDeny = { ingress: false, egress: false };
                return o.filter((x) => x.kind !== "CiliumClusterwideNetworkPolicy");
            },
            expected: ["k8s-block-metadata-egress", "k8s-network-default-deny-ingress"],
        },
    ];
    for (const w of weakenings) {
        it(`catches ${w.what}`, async () => {
            assert.deepStrictEqual(reportedPolicies(await runner().evaluate(manifestResources(w.edit(cilium()))), segmentation), w.expected);
        });
    }

    it("the metadata `except` alone may go: the clusterwide egressDeny still blocks the address", async () => {
        const o = cilium();
        delete find(o, "CiliumNetworkPolicy", "web-traffic").spec.egress[1].toCIDRSet[0].except;
        assert.deepStrictEqual(reportedPolicies(await runner().evaluate(manifestResources(o)), segmentation), []);
    });

    it("Calico: a security-tier Deny with Pass, and a default-deny policy, as the remediation says", async () => {
        const calico: Manifest[] = [
            {
                apiVersion: "projectcalico.org/v3",
                kind: "GlobalNetworkPolicy",
                metadata: { name: "security.deny-metadata" },
                spec: { tier: "security", order: 100, selector: "all()", types: ["Egress"], egress: [{ action: "Deny", destination: { nets: ["169.254.169.254/32", "fd00:ec2::254/128"] } }, { action: "Pass" }] },
            },
            { apiVersion: "projectcalico.org/v3", kind: "NetworkPolicy", metadata: { name: "default-deny", namespace: "payments" }, spec: { selector: "all()", types: ["Ingress"] } },
        ];
        assert.deepStrictEqual(reportedPolicies(await runner().evaluate(manifestResources([...workloads(), ...calico])), segmentation), []);
        calico[0].spec.egress[1].action = "Allow";
        calico[0].spec.egress.reverse();
        assert.deepStrictEqual(reportedPolicies(await runner().evaluate(manifestResources([...workloads(), ...calico])), segmentation), ["k8s-block-metadata-egress"]);
    });

    it("AdminNetworkPolicy: Deny blocks the metadata networks, Pass does not", async () => {
        const anp: Manifest = {
            apiVersion: "policy.networking.k8s.io/v1alpha1",
            kind: "AdminNetworkPolicy",
            metadata: { name: "deny-metadata" },
            spec: { priority: 10, subject: { namespaces: {} }, egress: [{ name: "metadata", action: "Deny", to: [{ networks: ["169.254.169.254/32", "fd00:ec2::254/128"] }] }] },
        };
        const ingressDeny: Manifest = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "deny", namespace: "payments" }, spec: { podSelector: {}, policyTypes: ["Ingress"] } };
        assert.deepStrictEqual(reportedPolicies(await runner().evaluate(manifestResources([...workloads(), ingressDeny, anp])), segmentation), []);
        anp.spec.egress[0].action = "Pass";
        assert.deepStrictEqual(reportedPolicies(await runner().evaluate(manifestResources([...workloads(), ingressDeny, anp])), segmentation), ["k8s-block-metadata-egress"]);
    });

    it("ClusterNetworkPolicy (v1alpha2): an Admin-tier Deny blocks the metadata networks, an earlier Accept of them does not", async () => {
        const cnp = (name: string, priority: number, action: string): Manifest => ({
            apiVersion: "policy.networking.k8s.io/v1alpha2",
            kind: "ClusterNetworkPolicy",
            metadata: { name },
            spec: { tier: "Admin", priority, subject: { namespaces: {} }, egress: [{ name: "metadata", action, to: [{ networks: ["169.254.169.254/32", "fd00:ec2::254/128"] }] }] },
        });
        const ingressDeny: Manifest = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "deny", namespace: "payments" }, spec: { podSelector: {}, policyTypes: ["Ingress"] } };
        const deny = cnp("deny-metadata", 10, "Deny");
        assert.strictEqual(manifestResources([deny])[0].type, "kubernetes:policy.networking.k8s.io/v1alpha2:ClusterNetworkPolicy");
        assert.deepStrictEqual(reportedPolicies(await runner().evaluate(manifestResources([...workloads(), ingressDeny, deny])), segmentation), []);
        const evaluation = await runner().evaluate(manifestResources([...workloads(), ingressDeny, deny, cnp("accept-metadata", 5, "Accept")]));
        assert.deepStrictEqual(reportedPolicies(evaluation, segmentation), ["k8s-block-metadata-egress"]);
    });
});
