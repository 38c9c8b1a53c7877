// AdminNetworkPolicy and BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1), and ClusterNetworkPolicy
// (v1alpha2, tier Admin or Baseline): a Deny of the metadata networks blocks it before any NetworkPolicy; Pass
// does not block; no kind counts as default-deny ingress.
import * as assert from "assert";
import { secretValue, unknownSentinels, unknownValue } from "../../../engine/wire";
import { k8sBlockMetadataEgress as egressPolicy } from "../../../policies/kubernetes/network/k8s-block-metadata-egress";
import { k8sNetworkDefaultDenyIngress as ingressPolicy } from "../../../policies/kubernetes/network/k8s-network-default-deny-ingress";
import { liveObject } from "../../fixtures/live-object";
import { allPaths, setAt } from "../../fuzz/json-paths";
import { checkStack, type StackResourceInput } from "../../harness";
import { adminNetworkPolicy, baselineAdminNetworkPolicy, clusterNetworkPolicy, customResource, deployment, metadataCidrs, networkPolicy } from "./fixtures";

describe("AdminNetworkPolicy and BaselineAdminNetworkPolicy", () => {
    const web = deployment("web", "shop", { app: "web" });
    const egress = (...policies: StackResourceInput[]) => checkStack(egressPolicy, [web, ...policies]);
    const rule = (action: string, extra: Record<string, unknown> = {}) => ({ name: `${action.toLowerCase()}-metadata`, action, to: [{ networks: metadataCidrs }], ...extra });
    const denyMetadata = adminNetworkPolicy("deny-metadata", { priority: 10, subject: { namespaces: {} }, egress: [rule("Deny")] });
    const allowAll = networkPolicy("egress", "shop", { podSelector: {}, policyTypes: ["Egress"], egress: [{}] });

    it("a Deny of the metadata networks blocks it for every subject pod, before NetworkPolicies allow it", () => {
        assert.deepStrictEqual(egress(denyMetadata).violations, []);
        assert.deepStrictEqual(egress(denyMetadata, allowAll).violations, []);
    });

    it("Pass does not block: the NetworkPolicies decide, and without one nothing restricts egress", () => {
        const pass = adminNetworkPolicy("pass", { priority: 10, subject: { namespaces: {} }, egress: [rule("Pass")] });
        const r = egress(pass);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0].message, /no NetworkPolicy with policyTypes Egress selects them, so they can reach the metadata API at 169\.254\.169\.254, fd00:ec2::254/);
        const open = egress(pass, allowAll).violations;
        assert.strictEqual(open.length, 1, "one finding for the rule, naming both addresses");
        assert.match(open[0].message, /NetworkPolicy "shop\/egress", whose spec\.egress\[0\] has no `to`, so it allows every destination, so the pods can reach the metadata API at 169\.254\.169\.254, fd00:ec2::254\. Fix: list "169\.254\.169\.254\/32", "fd00:ec2::254\/128" under the `except` of the ipBlocks that contain them/);
    });

    it("priority decides between AdminNetworkPolicies: a lower number is evaluated first", () => {
        const allowEarlier = adminNetworkPolicy("allow", { priority: 5, subject: { namespaces: {} }, egress: [{ action: "Allow", to: [{ networks: ["0.0.0.0/0"] }] }] });
        const r = egress(denyMetadata, allowEarlier);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0].message, /selected by AdminNetworkPolicy "allow", whose spec\.egress\[0\] to\[0\]\.networks\[0\] 0\.0\.0\.0\/0 contains 169\.254\.169\.254, so the pods can reach the metadata API at 169\.254\.169\.254\. Fix: set the rule's action to Deny, or take 169\.254\.169\.254 out of its `networks`/);
        const allowLater = adminNetworkPolicy("allow", { priority: 50, subject: { namespaces: {} }, egress: [{ action: "Allow", to: [{ networks: ["0.0.0.0/0"] }] }] });
        assert.deepStrictEqual(egress(denyMetadata, allowLater).violations, []);
    });

    it("a Deny limited to other ports does not block", () => {
        const https = adminNetworkPolicy("deny", { priority: 10, subject: { namespaces: {} }, egress: [rule("Deny", { ports: [{ portNumber: { protocol: "TCP", port: 443 } }] })] });
        assert.strictEqual(egress(https).violations.length, 1);
        const range = adminNetworkPolicy("deny", { priority: 10, subject: { namespaces: {} }, egress: [rule("Deny", { ports: [{ portRange: { protocol: "TCP", start: 1, end: 1024 } }] })] });
        assert.deepStrictEqual(egress(range).violations, []);
    });

    it("subjects select namespaces by their labels, and pods by namespace and pod labels", () => {
        const namespace = { type: "kubernetes:core/v1:Namespace", name: "shop", props: { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop", labels: { tier: "apps" } } } };
        const byNamespace = adminNetworkPolicy("deny", { priority: 10, subject: { namespaces: { matchLabels: { tier: "apps" } } }, egress: [rule("Deny")] });
        assert.deepStrictEqual(egress(namespace, byNamespace).violations, []);
        assert.strictEqual(egress(byNamespace).violations.length, 1);
        const byPod = adminNetworkPolicy("deny", { priority: 10, subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: "api" } } } }, egress: [rule("Deny")] });
        assert.strictEqual(egress(byPod).violations.length, 1);
    });

    it("the baseline policy blocks only pods that no NetworkPolicy isolates", () => {
        const baseline = baselineAdminNetworkPolicy({ subject: { namespaces: {} }, egress: [rule("Deny")] });
        assert.deepStrictEqual(egress(baseline).violations, []);
        assert.strictEqual(egress(baseline, allowAll).violations.length, 1);
    });

    it("never counts as default-deny ingress: its ingress peers cannot name traffic from outside the cluster", () => {
        const denyIngress = adminNetworkPolicy("deny-ingress", { priority: 10, subject: { namespaces: {} }, ingress: [{ action: "Deny", from: [{ namespaces: {} }] }] });
        const baseline = baselineAdminNetworkPolicy({ subject: { namespaces: {} }, ingress: [{ action: "Deny", from: [{ namespaces: {} }] }] });
        const r = checkStack(ingressPolicy, [web, denyIngress, baseline]);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0].message, /no NetworkPolicy with policyTypes Ingress selects/);
    });

    it("ignores a policy with wrong-typed fields, and says why", () => {
        const cases: [unknown, RegExp][] = [
            [{ priority: "high", subject: { namespaces: {} }, egress: [rule("Deny")] }, /AdminNetworkPolicy "odd" is ignored: its spec\.priority has the wrong type: expected a number, found string "high"/],
            [{ priority: 10, subject: "everyone", egress: [rule("Deny")] }, /spec\.subject has the wrong type: expected an object with `namespaces` or `pods` selectors, found string "everyone"/],
            [{ priority: 10, subject: { namespaces: {} }, egress: { action: "Deny" } }, /spec\.egress has the wrong type: expected an array of rules, found object/],
        ];
        for (const [spec, message] of cases) {
            const r = egress(adminNetworkPolicy("odd", spec));
            assert.strictEqual(r.violations.length, 1, JSON.stringify(spec));
            assert.match(r.violations[0].message, message);
        }
    });

    it("defers the pods an unknown cluster-wide policy may select", () => {
        const unknown = adminNetworkPolicy("deny", { priority: 10, subject: { namespaces: {} }, egress: [{ action: "Deny", to: [{ networks: unknownValue("array") }] }] });
        const r = egress(unknown);
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /AdminNetworkPolicy "deny": spec\.egress\[0\]\.to\[0\]\.networks is computed from another resource/);
    });

    it("gives the same verdicts on the live objects (state)", () => {
        const live = (r: StackResourceInput) => ({ ...r, props: liveObject(r.props as object) });
        assert.deepStrictEqual(checkStack(egressPolicy, [live(web), live(denyMetadata), live(allowAll)]).violations, []);
        assert.deepStrictEqual(egress(customResource("policy.networking.k8s.io/v1alpha1", "AdminNetworkPolicy", "x", undefined, { spec: { priority: 1, subject: { namespaces: {} }, egress: [rule("Pass")] } }), allowAll).violations.length, 1);
    });

    describe("ClusterNetworkPolicy (v1alpha2)", () => {
        const denySpec = { tier: "Admin", priority: 10, subject: { namespaces: {} }, egress: [{ action: "Deny", to: [{ networks: metadataCidrs }] }] };
        const cnp = (name: string, spec: Record<string, unknown>) => clusterNetworkPolicy(name, spec);

        it("is read under its own type token", () => {
            assert.strictEqual(cnp("x", denySpec).type, "kubernetes:policy.networking.k8s.io/v1alpha2:ClusterNetworkPolicy");
        });

        it("the remediation's spec, as written, blocks the metadata networks before a NetworkPolicy allows them (and the v1alpha1 form without tier)", () => {
            assert.deepStrictEqual(egress(cnp("deny-metadata", denySpec), allowAll).violations, []);
            const { tier: _tier, ...v1alpha1 } = denySpec;
            assert.deepStrictEqual(egress(adminNetworkPolicy("deny-metadata", v1alpha1), allowAll).violations, []);
            // Without the policy, the allow-all rule is reported.
            assert.strictEqual(egress(allowAll).violations.length, 1);
        });

        it("Accept at a lower priority number decides first; at a higher one the Deny wins", () => {
            const accept = (priority: number) => cnp("accept", { tier: "Admin", priority, subject: { namespaces: {} }, egress: [{ action: "Accept", to: [{ networks: ["0.0.0.0/0"] }] }] });
            const r = egress(cnp("deny-metadata", denySpec), accept(5));
            assert.strictEqual(r.violations.length, 1);
            assert.match(
                r.violations[0].message,
                /selected by ClusterNetworkPolicy "accept", whose spec\.egress\[0\] to\[0\]\.networks\[0\] 0\.0\.0\.0\/0 contains 169\.254\.169\.254, so the pods can reach the metadata API at 169\.254\.169\.254\. Fix: set the rule's action to Deny, or take 169\.254\.169\.254 out of its `networks`/,
            );
            assert.deepStrictEqual(egress(cnp("deny-metadata", denySpec), accept(50)).violations, []);
            // v1alpha1's "Allow" is not a v1alpha2 action: such a rule is dropped, as the API server would refuse it.
            const allowWord = cnp("allow", { tier: "Admin", priority: 5, subject: { namespaces: {} }, egress: [{ action: "Allow", to: [{ networks: ["0.0.0.0/0"] }] }] });
            assert.deepStrictEqual(egress(cnp("deny-metadata", denySpec), allowWord).violations, []);
        });

        it("Pass hands the connection to the NetworkPolicies", () => {
            const pass = cnp("pass", { ...denySpec, egress: [{ action: "Pass", to: [{ networks: metadataCidrs }] }] });
            assert.match(egress(pass).violations[0].message, /no NetworkPolicy with policyTypes Egress selects them/);
            assert.strictEqual(egress(pass, allowAll).violations.length, 1);
        });

        it("the Baseline tier decides only for pods no NetworkPolicy isolates", () => {
            const baseline = cnp("baseline", { ...denySpec, tier: "Baseline" });
            assert.deepStrictEqual(egress(baseline).violations, []);
            assert.match(egress(baseline, allowAll).violations[0].message, /NetworkPolicy "shop\/egress", whose spec\.egress\[0\] has no `to`/);
        });

        it("reads ports from `protocols`: a Deny of other ports or of UDP does not block, a TCP range over 80 does", () => {
            const denyOn = (protocols: unknown[]) => cnp("deny", { ...denySpec, egress: [{ action: "Deny", to: [{ networks: metadataCidrs }], protocols }] });
            assert.strictEqual(egress(denyOn([{ tcp: { destinationPort: { number: 443 } } }])).violations.length, 1);
            assert.strictEqual(egress(denyOn([{ udp: { destinationPort: { number: 80 } } }])).violations.length, 1);
            assert.deepStrictEqual(egress(denyOn([{ tcp: { destinationPort: { range: { start: 1, end: 1024 } } } }])).violations, []);
            assert.deepStrictEqual(egress(denyOn([{ tcp: { destinationPort: { number: 80 } } }])).violations, []);
        });

        it("an Accept of a domain name that matches metadata.google.internal opens 169.254.169.254", () => {
            const byName = (name: string) => cnp("names", { tier: "Admin", priority: 5, subject: { namespaces: {} }, egress: [{ action: "Accept", to: [{ domainNames: [name] }] }] });
            for (const name of ["metadata.google.internal", "*.google.internal", "*.internal", "METADATA.google.internal."]) {
                const r = egress(cnp("deny-metadata", denySpec), byName(name));
                assert.strictEqual(r.violations.length, 1, name);
                assert.ok(r.violations[0].message.includes(`whose spec.egress[0] to[0].domainNames[0] "${name}" matches metadata.google.internal, which resolves to 169.254.169.254, so the pods can reach the metadata API at 169.254.169.254.`), r.violations[0].message);
                assert.ok(r.violations[0].message.includes(`Fix: remove "${name}" from its \`domainNames\`, or add a rule before it with \`action: Deny\` and \`to: [{ networks: ["169.254.169.254/32"] }]\``), r.violations[0].message);
            }
            for (const name of ["google.internal", "*.metadata.google.internal", "metadata.google.internal.example.com"]) {
                assert.deepStrictEqual(egress(cnp("deny-metadata", denySpec), byName(name)).violations, [], name);
            }
        });

        it("never counts as default-deny ingress", () => {
            const denyIngress = cnp("deny-ingress", { tier: "Admin", priority: 10, subject: { namespaces: {} }, ingress: [{ action: "Deny", from: [{ namespaces: {} }] }] });
            const r = checkStack(ingressPolicy, [web, denyIngress]);
            assert.strictEqual(r.violations.length, 1);
            assert.match(r.violations[0].message, /which has no NetworkPolicy|no NetworkPolicy with policyTypes Ingress selects/);
            // An unknown one does not hold the ingress verdict back either.
            const unknownIngress = cnp("pending", { tier: "Admin", priority: unknownValue("number"), subject: { namespaces: {} } });
            assert.strictEqual(checkStack(ingressPolicy, [web, unknownIngress]).violations.length, 1);
        });

        it("ignores a policy with a tier or priority of the wrong type, and says why", () => {
            const cases: [unknown, RegExp][] = [
                [{ ...denySpec, tier: "Platform" }, /ClusterNetworkPolicy "odd" is ignored: its spec\.tier has the wrong type: expected "Admin" or "Baseline", found string "Platform"/],
                [{ ...denySpec, priority: "high" }, /ClusterNetworkPolicy "odd" is ignored: its spec\.priority has the wrong type: expected a number, found string "high"/],
                [{ ...denySpec, tier: "Baseline", priority: undefined }, /its spec\.priority has the wrong type: expected a number/],
            ];
            for (const [spec, message] of cases) {
                const r = egress(cnp("odd", spec as Record<string, unknown>));
                assert.strictEqual(r.violations.length, 1, JSON.stringify(spec));
                assert.match(r.violations[0].message, message);
            }
        });

        it("defers the pods an unknown policy may select, naming the field", () => {
            const r = egress(cnp("deny", { ...denySpec, tier: unknownValue("string") }));
            assert.deepStrictEqual(r.violations, []);
            assert.match(r.unknown ?? "", /ClusterNetworkPolicy "deny": spec\.tier is computed from another resource/);
        });

        it("never throws on a field of any shape, in either version", () => {
            const full = {
                tier: "Admin",
                priority: 5,
                subject: { pods: { namespaceSelector: { matchLabels: { a: "b" } }, podSelector: { matchExpressions: [{ key: "app", operator: "In", values: ["web"] }] } } },
                egress: [
                    { name: "names", action: "Accept", to: [{ domainNames: ["*.google.internal"] }, { nodes: {} }], protocols: [{ tcp: { destinationPort: { range: { start: 1, end: 1024 } } } }, { destinationNamedPort: "http" }] },
                    { action: "Deny", to: [{ networks: metadataCidrs }, { pods: { namespaceSelector: {}, podSelector: {} } }], protocols: [{ udp: { destinationPort: { number: 53 } } }] },
                ],
                ingress: [{ action: "Pass", from: [{ namespaces: {} }] }],
            };
            const { tier: _tier, ...v1alpha1 } = full;
            const shapes = [null, 42, "text", true, [], {}, [null, 7, "x"], unknownSentinels.string, unknownSentinels.object, secretValue("x")];
            let runs = 0;
            for (const policy of [cnp("p", full), adminNetworkPolicy("p", { ...v1alpha1, egress: [{ action: "Allow", to: [{ networks: ["0.0.0.0/0"], domainNames: ["metadata.google.internal"] }], ports: [{ portNumber: { protocol: "TCP", port: 80 } }] }] })]) {
                for (const at of allPaths(policy.props)) {
                    for (const shape of shapes) {
                        const mutated = { ...policy, props: setAt(policy.props, at, shape) as object };
                        for (const check of [egressPolicy, ingressPolicy]) assert.doesNotThrow(() => checkStack(check, [web, mutated, allowAll]), `${at.join(".")} = ${JSON.stringify(shape)}`);
                        runs++;
                    }
                }
            }
            assert.ok(runs > 300, `${runs} runs`);
        });

        it("gives the same verdicts on the live objects (state)", () => {
            const live = (r: StackResourceInput) => ({ ...r, props: liveObject(r.props as object) });
            assert.deepStrictEqual(checkStack(egressPolicy, [live(web), live(cnp("deny-metadata", denySpec)), live(allowAll)]).violations, []);
            assert.strictEqual(checkStack(egressPolicy, [live(web), live(cnp("pass", { ...denySpec, egress: [{ action: "Pass", to: [{ networks: metadataCidrs }] }] })), live(allowAll)]).violations.length, 1);
        });
    });
});
