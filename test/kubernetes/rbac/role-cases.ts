// Tests every role policy shares: least privilege passes, each failing rule is caught in every role kind
// (Patch variants included), aggregation selectors are judged, and odd shapes and unknowns are safe.
import * as assert from "assert";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { unknownValue } from "../../../engine/wire";
import { aggregatedClusterRole, clusterRole, leastPrivilegeRules, type PolicyRuleInput, role, types } from "../../fixtures/rbac";
import { checkResource } from "../../harness";

export interface RoleCase {
    what: string;
    rules: PolicyRuleInput[];
    /** What the single message must say. */
    expected: RegExp;
}

export interface RolePolicySpec {
    failing: RoleCase[];
    /** Near misses that must pass. */
    passing: { what: string; rules: PolicyRuleInput[] }[];
    /** Whether a selector that aggregates the built-in edit role is flagged (it grants secrets, pods, exec, impersonate, tokens). */
    flagsEdit: boolean;
    /** Only judge namespaced Roles in this namespace (aws-auth: kube-system). */
    roleNamespace?: string;
}

const editSelector = { matchLabels: { "rbac.authorization.k8s.io/aggregate-to-edit": "true" } };

export function roleBasics(policy: ResourceValidationPolicy, spec: RolePolicySpec): void {
    const ns = spec.roleNamespace ?? "shop";
    const kinds = [
        { kind: "Role", type: types.role, props: (rules: PolicyRuleInput[]) => role(rules, ns), label: `Role "${ns}/web-reader"` },
        { kind: "RolePatch", type: types.rolePatch, props: (rules: PolicyRuleInput[]) => role(rules, ns), label: `Role "${ns}/web-reader"` },
        { kind: "ClusterRole", type: types.clusterRole, props: (rules: PolicyRuleInput[]) => clusterRole(rules), label: 'ClusterRole "web-reader"' },
        { kind: "ClusterRolePatch", type: types.clusterRolePatch, props: (rules: PolicyRuleInput[]) => clusterRole(rules), label: 'ClusterRole "web-reader"' },
    ];

    for (const k of kinds) {
        it(`passes a least-privilege ${k.kind}`, () => {
            assert.deepStrictEqual(checkResource(policy, k.type, k.props(leastPrivilegeRules)).violations, []);
        });
    }

    for (const c of spec.failing) {
        for (const k of kinds) {
            it(`flags ${c.what} in a ${k.kind}`, () => {
                const r = checkResource(policy, k.type, k.props([...leastPrivilegeRules, ...c.rules]));
                assert.strictEqual(r.violations.length, c.rules.length, r.violations.join("\n"));
                assert.match(r.violations[0], new RegExp(`^${k.label.replace(/[/"]/g, "\\$&")}: rules\\[3\\] `));
                assert.match(r.violations[0], c.expected);
                assert.match(r.violations[0], /Fix: /);
            });
        }
    }

    for (const c of spec.passing) {
        it(`passes ${c.what}`, () => {
            assert.deepStrictEqual(checkResource(policy, types.clusterRole, clusterRole(c.rules)).violations, []);
            assert.deepStrictEqual(checkResource(policy, types.role, role(c.rules, ns)).violations, []);
        });
    }

    it(spec.flagsEdit ? "flags an aggregation selector that pulls in the built-in edit role" : "passes an aggregation selector that pulls in the built-in edit role", () => {
        const r = checkResource(policy, types.clusterRole, aggregatedClusterRole([editSelector]));
        if (!spec.flagsEdit) return assert.deepStrictEqual(r.violations, []);
        assert.strictEqual(r.violations.length, 1, r.violations.join("\n"));
        assert.match(r.violations[0], /aggregationRule\.clusterRoleSelectors\[0\] selects rbac\.authorization\.k8s\.io\/aggregate-to-edit=true; this aggregates the built-in ClusterRole\(s\) "view", "system:aggregate-to-edit", "system:aggregate-to-view" into this role, which grants /);
    });

    it("flags an empty aggregation selector (it aggregates every ClusterRole, cluster-admin included)", () => {
        const r = checkResource(policy, types.clusterRole, aggregatedClusterRole([{ matchLabels: { team: "web" } }, {}]));
        assert.strictEqual(r.violations.length, 1, r.violations.join("\n"));
        assert.match(r.violations[0], /clusterRoleSelectors\[1\] is an empty selector, which selects every ClusterRole; this aggregates the built-in ClusterRole\(s\) "cluster-admin"/);
    });

    it("flags a DoesNotExist selector that matches cluster-admin", () => {
        const r = checkResource(policy, types.clusterRolePatch, aggregatedClusterRole([{ matchExpressions: [{ key: "team", operator: "DoesNotExist" }] }]));
        assert.strictEqual(r.violations.length, 1, r.violations.join("\n"));
        assert.match(r.violations[0], /team DoesNotExist; this aggregates the built-in ClusterRole\(s\) "cluster-admin", "admin", "edit", "view"/);
    });

    it("judges an aggregated ClusterRole by its selector, not by the controller-managed rules", () => {
        const viewOnly = { ...aggregatedClusterRole([{ matchLabels: { "rbac.authorization.k8s.io/aggregate-to-view": "true" } }, { matchLabels: { team: "web" } }]), rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] };
        assert.deepStrictEqual(checkResource(policy, types.clusterRole, viewOnly).violations, []);
        // A namespaced Role has no aggregation: its rules count.
        const roleWithAggregation = { ...role([{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }], ns), aggregationRule: { clusterRoleSelectors: [] } };
        assert.strictEqual(checkResource(policy, types.role, roleWithAggregation).violations.length, 1);
    });

    it("is not applicable to other kinds", () => {
        assert.match(checkResource(policy, types.configMap, { metadata: { name: "x" } }).notApplicable ?? "", /does not apply to resources of type 'kubernetes:core\/v1:ConfigMap'/);
    });

    it("survives odd shapes: no rules, rules not a list, null entries, fields of the wrong type, odd selectors", () => {
        const odd: object[] = [
            { metadata: { name: "x" } },
            { rules: "nope" },
            { rules: [null, 3, "x"] },
            { rules: [{ apiGroups: "", resources: "secrets", verbs: "*" }] },
            { rules: [{ apiGroups: [""], resources: [7], verbs: [null] }] },
            { aggregationRule: { clusterRoleSelectors: "all" } },
            { aggregationRule: { clusterRoleSelectors: [{ matchExpressions: [{ key: "a", operator: "Bogus" }] }, null] } },
        ];
        for (const props of odd) {
            assert.deepStrictEqual(checkResource(policy, types.clusterRole, props).violations, [], JSON.stringify(props));
        }
    });

    it("defers a rule whose unknown lists could grant the permission, naming the field", () => {
        const r = checkResource(policy, types.clusterRole, clusterRole([{ apiGroups: unknownValue("array"), resources: unknownValue("array"), verbs: unknownValue("array") }]));
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.unknown ?? "", /^ClusterRole "[^"]+": rules\[0\]\.apiGroups is computed from another resource/);
        const entry = checkResource(policy, types.clusterRole, clusterRole([unknownValue("object")]));
        assert.match(entry.unknown ?? "", /rules\[0\] is computed/);
    });

    it("keeps the findings of known rules when another rule is unknown", () => {
        const bad = spec.failing[0].rules;
        const known = checkResource(policy, types.clusterRole, clusterRole(bad)).violations;
        const r = checkResource(policy, types.clusterRole, clusterRole([unknownValue("object"), ...bad]));
        assert.deepStrictEqual(r.violations.map((v) => v.replace(/rules\[\d+\]/, "rules[n]")), known.map((v) => v.replace(/rules\[\d+\]/, "rules[n]")));
        assert.match(r.unknown ?? "", /rules\[0\]/);
    });

    it("honours the exemption annotation and excludeNamespaces", () => {
        const bad = spec.failing[0].rules;
        const annotated = { ...role(bad, ns), metadata: { name: "ops", namespace: ns, annotations: { [`exempt.clusterguard.io/${policy.name}`]: "break-glass role, reviewed in SEC-7" } } };
        assert.match(checkResource(policy, types.role, annotated).notApplicable ?? "", /SEC-7/);
        assert.match(checkResource(policy, types.role, role(bad, ns), { config: { excludeNamespaces: [ns] } }).notApplicable ?? "", /excludeNamespaces/);
    });
}
