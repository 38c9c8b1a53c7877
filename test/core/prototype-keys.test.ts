// Issue 15, fuzz findings: lookup tables keyed by untrusted text, and props copies, treat names of
// Object.prototype's members ("constructor", "__proto__", "toString") as plain text, never as inherited members.
import * as assert from "assert";
import { Secret } from "@pulumi/policy";
import { gkeNoCloudPlatformScope } from "../../policies/gcp/gke-no-cloud-platform-scope";
import { copyForRemediation, labelSelectorMatches, labelsOf, ownEntry, pathGet } from "../../policies/core";
import { k8sRbacNoAnonymousBinding } from "../../policies/kubernetes/rbac/k8s-rbac-no-anonymous-binding";
import { k8sRbacNoWildcards } from "../../policies/kubernetes/rbac/k8s-rbac-no-wildcards";
import { roleRules } from "../../policies/kubernetes/rbac/rbac-rules";
import { digestProblem } from "../../policies/kubernetes/workload/image-reference";
import { k8sNoAlphaBetaApiVersions, stableApiVersion } from "../../policies/kubernetes/workload/k8s-no-alpha-beta-api-versions";
import { aggregatedClusterRole, clusterRoleBinding, types } from "../fixtures/rbac";
import { checkPool } from "../gcp/fixtures";
import { checkResource } from "../harness";

const memberNames = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"];

describe("core: names of prototype members are plain text", () => {
    it("ownEntry finds own entries only", () => {
        const table = { a: 1 };
        assert.strictEqual(ownEntry(table, "a"), 1);
        for (const name of memberNames) assert.strictEqual(ownEntry(table, name), undefined, name);
    });

    it("pathGet reads own fields only", () => {
        assert.strictEqual(pathGet({ a: { b: 1 } }, ["a", "b"]), 1);
        assert.strictEqual(pathGet({ a: {} }, ["a", "constructor"]), undefined);
        assert.strictEqual(pathGet({}, ["__proto__", "toString"]), undefined);
    });

    it("labelsOf keeps a label named like a member as data, and selectors do not match inherited members", () => {
        const labels = labelsOf(JSON.parse('{"__proto__": "x", "constructor": "y"}'));
        assert.deepStrictEqual(Object.entries(labels), [["__proto__", "x"], ["constructor", "y"]]);
        assert.strictEqual(labelSelectorMatches({ matchExpressions: [{ key: "toString", operator: "Exists" }] }, labelsOf({})), false);
        assert.strictEqual(labelSelectorMatches({ matchLabels: { __proto__x: "1", constructor: "y" } }, labelsOf({ __proto__x: "1", constructor: "y" })), true);
    });
});

describe("policies: untrusted names are not table members", () => {
    it("k8s-rbac-no-anonymous-binding: a Group named like a member is not a public identity", () => {
        for (const name of memberNames) {
            const r = checkResource(k8sRbacNoAnonymousBinding, types.clusterRoleBinding, clusterRoleBinding([{ kind: "Group", name }], "view"));
            assert.deepStrictEqual(r.violations, [], name);
        }
    });

    it("k8s-no-alpha-beta-api-versions: a group or kind named like a member has no stable version", () => {
        for (const name of memberNames) {
            assert.strictEqual(stableApiVersion(name, "Widget"), undefined, name);
            assert.strictEqual(stableApiVersion("extensions", name), undefined, name);
            const r = checkResource(k8sNoAlphaBetaApiVersions, `kubernetes:${name}/v1beta1:${name}`, { metadata: { name: "x" } });
            assert.strictEqual(r.violations.length, 1, name);
            assert.match(r.violations[0], /use the stable version of this API once the project ships one/, name);
            assert.doesNotMatch(r.violations[0], /function|\[object/, name);
        }
    });

    it("gke-no-cloud-platform-scope: a scope named like a member is not a broad scope", () => {
        for (const name of memberNames) {
            for (const scope of [name, `https://www.googleapis.com/auth/${name}`]) {
                assert.deepStrictEqual(checkPool(gkeNoCloudPlatformScope, { cluster: "c", nodeConfig: { oauthScopes: [scope] } }).violations, [], scope);
            }
        }
    });

    it("image digests: an algorithm named like a member is not registered", () => {
        for (const name of ["constructor", "tostring", "valueof"]) {
            assert.match(digestProblem(`${name}:abc`) ?? "", /is not a registered digest algorithm/, name);
        }
    });

    it("rbac-rules: selectors are described by bounded, safe renderings and read in one pass", () => {
        const odd = { matchLabels: { team: { toString: {} } as unknown as string }, matchExpressions: [{ key: { toString: {} } as unknown as string, operator: "Exists" }] };
        const r = checkResource(k8sRbacNoWildcards, types.clusterRole, aggregatedClusterRole([odd, {}]));
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0], /clusterRoleSelectors\[1\] is an empty selector/);
        const many = Array.from({ length: 50 }, (_, i) => `v${i}`);
        const wide = { matchExpressions: [{ key: "team", operator: "NotIn", values: many }, ...Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, operator: "DoesNotExist" }))] };
        const [message] = checkResource(k8sRbacNoWildcards, types.clusterRole, aggregatedClusterRole([wide])).violations;
        assert.match(message, /team NotIn \(v0, v1, v2, v3, v4, and 45 more\), k0 DoesNotExist, .*and 6 more terms; this aggregates/);
        // Linear: every selector yields the rules of the built-in roles it selects, once.
        const selectors = Array.from({ length: 2_000 }, () => ({ matchLabels: { "rbac.authorization.k8s.io/aggregate-to-admin": "true" } }));
        const refs = roleRules(types.clusterRole, aggregatedClusterRole(selectors));
        const perSelector = roleRules(types.clusterRole, aggregatedClusterRole(selectors.slice(0, 1))).length;
        assert.strictEqual(refs.length, 2_000 * perSelector);
    });
});

describe("remediation copies", () => {
    it("copy own keys only; a __proto__ key stays data; secrets stay Secret", () => {
        const props = JSON.parse('{"metadata": {"__proto__": {"annotations": {"a": "b"}}, "name": "x"}}') as Record<string, unknown>;
        (props as { env?: unknown }).env = new Secret("s3cr3t");
        const copy = copyForRemediation(props)!;
        const metadata = copy.metadata as Record<string, unknown>;
        assert.strictEqual(Object.getPrototypeOf(metadata), Object.prototype);
        assert.deepStrictEqual(Object.keys(metadata), ["__proto__", "name"]);
        assert.strictEqual(metadata.annotations, undefined);
        assert.strictEqual(copy.env, "s3cr3t", "reads see the plain value");
        copy.env = "changed";
        assert.ok((copyTarget(copy).env as unknown) instanceof Secret, "a write over a secret stays secret");
    });

    it("refuses props whose object was given a prototype by a __proto__ key", () => {
        const smuggled = Object.create({ annotations: { a: "b" } }) as Record<string, unknown>;
        smuggled.name = "x";
        assert.strictEqual(copyForRemediation({ metadata: smuggled }), undefined);
    });
});

function copyTarget(proxy: Record<string, unknown>): Record<string, unknown> {
    return (proxy as Record<string, unknown>)["__getSpecialProxyTarget"] as Record<string, unknown>;
}
