// The RBAC rule-matcher every role policy shares: reads the rules of a Role or ClusterRole (and their
// Patch variants), resolves an aggregated ClusterRole's selectors against the built-in roles, and
// answers "which of these permissions does this rule grant" with the API server's own matching rules:
// - apiGroups, resources and verbs match literally or through "*";
// - a subresource ("pods/exec") is matched by "*", by "pods/exec" and by "*/exec", never by "pods";
// - resourceNames narrow a rule to named objects; such a rule cannot grant `create` of a top-level
//   resource or `deletecollection` (the name is not known when those are authorized), but it does grant
//   a subresource create such as pods/exec on the named objects.
import { labelSelectorMatches } from "../../core/kubernetes-objects";
import type { CheckContext } from "../../core/policy";
import { kindOf } from "../../core/types";
import { isUnknown, PartialVerdict, peek, unknown } from "../../core/unknowns";
import { asArray, asDict, asStrings, type Dict, show } from "../../core/values";

export interface PolicyRule {
    apiGroups: string[];
    resources: string[];
    verbs: string[];
    resourceNames: string[];
    /**
     * In a preview: the lists (of the four above) holding an unknown entry, or all four when the rule or a
     * list is unknown as a whole, and the path of the first unknown. The known entries are listed above.
     */
    unknown?: { lists: ReadonlySet<RuleList>; path: string };
}

export type RuleList = "apiGroups" | "resources" | "verbs" | "resourceNames";
const ruleLists: readonly RuleList[] = ["apiGroups", "resources", "verbs", "resourceNames"];

/** A rule as found in a role: either one of its own rules, or one pulled in by its aggregation selector. */
export interface RuleRef {
    rule: PolicyRule;
    /** Field path of the offending entry, e.g. "rules[2]" or "aggregationRule.clusterRoleSelectors[0]". */
    path: string;
    /** For aggregated rules: what the selector pulls in, for the message. */
    aggregates?: string;
    /** An aggregation selector unknown in this preview: it may pull in any role; its path. */
    unknownSelector?: string;
}

/** A permission a check looks for: verbs on one resource (or subresource) of one API group. */
export interface Permission {
    group: string;
    resource: string;
    verbs: readonly string[];
    /** Object names the check cares about (e.g. aws-auth); a rule limited to other names does not match. */
    names?: readonly string[];
}

export const readVerbs = ["get", "list", "watch"] as const;
export const writeVerbs = ["create", "update", "patch", "delete", "deletecollection"] as const;
export const allVerbs = [...readVerbs, ...writeVerbs] as const;

export const rbacGroup = "rbac.authorization.k8s.io";

/** Reads a rule without throwing in a preview: unknown lists or entries are marked, the known entries kept. */
function readRule(value: unknown, path: string): PolicyRule | undefined {
    if (isUnknown(value)) return { apiGroups: [], resources: [], verbs: [], resourceNames: [], unknown: { lists: new Set(ruleLists), path } };
    const rule = asDict(value);
    if (!rule) return undefined;
    const read: PolicyRule = { apiGroups: [], resources: [], verbs: [], resourceNames: [] };
    const unknownLists = new Set<RuleList>();
    let firstUnknown: string | undefined;
    for (const list of ruleLists) {
        const raw = peek(rule, list);
        const entries = isUnknown(raw) ? [] : asArray(raw);
        if (isUnknown(raw)) {
            unknownLists.add(list);
            firstUnknown ??= `${path}.${list}`;
        }
        for (let i = 0; i < entries.length; i++) {
            const entry = peek(entries, i);
            if (typeof entry === "string") read[list].push(entry);
            else if (isUnknown(entry)) {
                unknownLists.add(list);
                firstUnknown ??= `${path}.${list}[${i}]`;
            }
        }
    }
    if (firstUnknown) read.unknown = { lists: unknownLists, path: firstUnknown };
    return read;
}

/**
 * The most a partly unknown rule could grant: an unknown entry may be "*", and unknown resourceNames may be
 * none at all. Used to tell whether a grant might hide behind the unknown.
 */
export function widest(rule: PolicyRule): PolicyRule {
    const lists = rule.unknown?.lists;
    if (!lists) return rule;
    const widen = (list: RuleList) => (lists.has(list) ? [...rule[list], "*"] : rule[list]);
    return { apiGroups: widen("apiGroups"), resources: widen("resources"), verbs: widen("verbs"), resourceNames: lists.has("resourceNames") ? [] : rule.resourceNames };
}

/** What a partly unknown rule grants for sure: unknown resourceNames narrow it to names not known yet. */
function surest(rule: PolicyRule): PolicyRule {
    if (!rule.unknown?.lists.has("resourceNames")) return rule;
    return { ...rule, resourceNames: [...rule.resourceNames, "(unknown until deploy)"] };
}

// ---- Built-in roles an aggregation selector can pull in ------------------------------------------
// The labels and (permission-relevant) rules of the bootstrap ClusterRoles, from kube-apiserver's
// bootstrap policy (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go). admin, edit and view are
// themselves aggregated; their rules here are what their aggregation yields.

const bootstrapping = { "kubernetes.io/bootstrapping": "rbac-defaults" };
const toAdmin = { "rbac.authorization.k8s.io/aggregate-to-admin": "true" };
const toEdit = { "rbac.authorization.k8s.io/aggregate-to-edit": "true" };
const toView = { "rbac.authorization.k8s.io/aggregate-to-view": "true" };

const rule = (apiGroups: string[], resources: string[], verbs: readonly string[]): PolicyRule => ({
    apiGroups,
    resources,
    verbs: [...verbs],
    resourceNames: [],
});

const viewRules: PolicyRule[] = [
    rule([""], ["pods", "pods/log", "pods/status", "configmaps", "endpoints", "persistentvolumeclaims", "replicationcontrollers", "serviceaccounts", "services", "events", "namespaces"], readVerbs),
    rule(["apps"], ["daemonsets", "deployments", "replicasets", "statefulsets"], readVerbs),
    rule(["batch"], ["cronjobs", "jobs"], readVerbs),
];
const editRules: PolicyRule[] = [
    rule([""], ["pods/attach", "pods/proxy", "pods/exec", "pods/portforward", "secrets", "services/proxy"], readVerbs),
    rule([""], ["serviceaccounts"], ["impersonate"]),
    rule([""], ["pods", "pods/attach", "pods/proxy", "pods/exec", "pods/portforward"], writeVerbs),
    rule([""], ["replicationcontrollers", "serviceaccounts", "services", "persistentvolumeclaims", "configmaps", "secrets"], writeVerbs),
    rule([""], ["serviceaccounts/token"], ["create"]),
    rule(["apps"], ["statefulsets", "daemonsets", "deployments", "replicasets"], writeVerbs),
    rule(["batch"], ["jobs", "cronjobs"], writeVerbs),
];
const adminRules: PolicyRule[] = [rule([rbacGroup], ["roles", "rolebindings"], [...readVerbs, ...writeVerbs])];

interface BuiltinRole {
    name: string;
    labels: Record<string, string>;
    rules: PolicyRule[];
}

const builtinRoles: BuiltinRole[] = [
    { name: "cluster-admin", labels: { ...bootstrapping }, rules: [rule(["*"], ["*"], ["*"])] },
    { name: "admin", labels: { ...bootstrapping }, rules: [...adminRules, ...editRules, ...viewRules] },
    { name: "edit", labels: { ...bootstrapping, ...toAdmin }, rules: [...editRules, ...viewRules] },
    { name: "view", labels: { ...bootstrapping, ...toEdit }, rules: viewRules },
    { name: "system:aggregate-to-admin", labels: { ...bootstrapping, ...toAdmin }, rules: adminRules },
    { name: "system:aggregate-to-edit", labels: { ...bootstrapping, ...toAdmin, ...toEdit }, rules: editRules },
    { name: "system:aggregate-to-view", labels: { ...bootstrapping, ...toAdmin, ...toEdit, ...toView }, rules: viewRules },
];

/** A label key, value or operator as written when it is short and plain; otherwise its bounded rendering. */
function labelText(value: unknown): string {
    return typeof value === "string" && /^[\w./:-]{1,63}$/.test(value) ? value : show(value);
}

const maxShownTerms = 5;

function describeSelector(selector: Dict): string {
    const terms: string[] = [];
    for (const [key, value] of Object.entries(asDict(selector.matchLabels) ?? {})) terms.push(`${labelText(key)}=${labelText(value)}`);
    for (const entry of asArray(selector.matchExpressions)) {
        const e = asDict(entry) ?? {};
        const values = asStrings(e.values);
        const listed = values.slice(0, maxShownTerms).map(labelText).join(", ") + (values.length > maxShownTerms ? `, and ${values.length - maxShownTerms} more` : "");
        terms.push(`${labelText(e.key)} ${labelText(e.operator)}${values.length ? ` (${listed})` : ""}`);
    }
    if (terms.length === 0) return "is an empty selector, which selects every ClusterRole";
    const more = terms.length > maxShownTerms ? `, and ${terms.length - maxShownTerms} more terms` : "";
    return `selects ${terms.slice(0, maxShownTerms).join(", ")}${more}`;
}

/** The aggregation selectors of a ClusterRole (unknown ones as `unknown`), or undefined when it is not aggregated. */
function aggregationSelectors(type: string, props: Dict): (Dict | typeof unknown)[] | undefined {
    if (kindOf(type) !== "ClusterRole") return undefined;
    const aggregation = asDict(props.aggregationRule);
    if (!aggregation) return undefined;
    const raw = peek(aggregation, "clusterRoleSelectors");
    if (isUnknown(raw)) return [unknown];
    const selectors = asArray(raw);
    const out: (Dict | typeof unknown)[] = [];
    for (let i = 0; i < selectors.length; i++) {
        const selector = peek(selectors, i);
        out.push(isUnknown(selector) ? unknown : (asDict(selector) ?? { matchExpressions: [null] }));
    }
    return out;
}

/**
 * The rules to judge. A ClusterRole with an aggregationRule has controller-managed rules (the controller
 * overwrites `rules`), so it is judged by what its selectors pull in: the rules of every built-in
 * ClusterRole the selector matches. Roles it selects by custom labels are judged on their own.
 */
export function roleRules(type: string, props: unknown): RuleRef[] {
    const dict = asDict(props) ?? {};
    const selectors = aggregationSelectors(type, dict);
    if (selectors) {
        const refs: RuleRef[] = [];
        selectors.forEach((selector, index) => {
            const path = `aggregationRule.clusterRoleSelectors[${index}]`;
            if (selector === unknown) {
                refs.push({ rule: { apiGroups: [], resources: [], verbs: [], resourceNames: [] }, path, unknownSelector: path });
                return;
            }
            // A selector with an unknown label value may select any role.
            const probe = new PartialVerdict();
            const selected = probe.part<BuiltinRole[] | undefined>(undefined, () => builtinRoles.filter((r) => labelSelectorMatches(selector, r.labels)));
            if (!selected) {
                refs.push({ rule: { apiGroups: [], resources: [], verbs: [], resourceNames: [] }, path, unknownSelector: probe.fields[0] ?? path });
                return;
            }
            if (selected.length === 0) return;
            const aggregates =
                `${describeSelector(selector)}; this aggregates the built-in ClusterRole(s) ` +
                `${selected.map((r) => `"${r.name}"`).join(", ")} into this role`;
            for (const r of selected) {
                for (const rule of r.rules) refs.push({ rule, path, aggregates });
            }
        });
        return refs;
    }
    const refs: RuleRef[] = [];
    const rawRules = peek(dict, "rules");
    if (isUnknown(rawRules)) {
        const rule = readRule(rawRules, "rules");
        return rule ? [{ rule, path: "rules" }] : [];
    }
    const rules = asArray(rawRules);
    for (let index = 0; index < rules.length; index++) {
        const rule = readRule(peek(rules, index), `rules[${index}]`);
        if (rule) refs.push({ rule, path: `rules[${index}]` });
    }
    return refs;
}

const has = (list: string[], value: string) => list.includes("*") || list.includes(value);

function resourceMatches(ruleResources: string[], resource: string): boolean {
    const slash = resource.indexOf("/");
    const subresource = slash >= 0 ? resource.slice(slash + 1) : "";
    return ruleResources.some((r) => r === "*" || r === resource || (subresource !== "" && r === `*/${subresource}`));
}

/** The verbs of `permission` that `rule` grants. */
export function grantedVerbs(rule: PolicyRule, permission: Permission): string[] {
    if (!has(rule.apiGroups, permission.group)) return [];
    if (!resourceMatches(rule.resources, permission.resource)) return [];
    const named = rule.resourceNames.length > 0;
    if (named && permission.names && !permission.names.some((n) => rule.resourceNames.includes(n))) return [];
    const isSubresource = permission.resource.includes("/");
    return permission.verbs.filter((verb) => {
        if (!has(rule.verbs, verb)) return false;
        if (named && ((verb === "create" && !isSubresource) || verb === "deletecollection")) return false;
        return true;
    });
}

function resourceName(p: Permission): string {
    return p.group === "" ? p.resource : `${p.resource}.${p.group}`;
}

/** Which wildcards of a rule a grant went through, for the message. */
function wildcardsUsed(rule: PolicyRule, p: Permission, verbs: string[]): string[] {
    const used: string[] = [];
    if (!rule.apiGroups.includes(p.group)) used.push('apiGroups "*"');
    if (!rule.resources.includes(p.resource)) used.push(`resources ${JSON.stringify(rule.resources.filter((r) => r.includes("*")))}`);
    if (verbs.some((v) => !rule.verbs.includes(v))) used.push('verbs "*"');
    return used;
}

/** Describes every permission a rule grants, or undefined when it grants none of them. */
export function describeGrants(rule: PolicyRule, permissions: readonly Permission[]): string | undefined {
    const parts: string[] = [];
    for (const p of permissions) {
        const verbs = grantedVerbs(rule, p);
        if (verbs.length === 0) continue;
        const via = wildcardsUsed(rule, p, verbs);
        parts.push(`${verbs.join(", ")} on ${resourceName(p)}${via.length ? ` (through ${via.join(", ")})` : ""}`);
    }
    if (parts.length === 0) return undefined;
    const names = rule.resourceNames.length ? `, limited to resourceNames ${JSON.stringify(rule.resourceNames)}` : "";
    return `grants ${parts.join("; ")}${names}`;
}

/**
 * For a ClusterRole that carries the built-in aggregation labels, the note that its rules also flow into
 * the built-in admin, edit or view roles (and to everyone bound to them); "" otherwise.
 */
export function aggregatedIntoNote(type: string, props: unknown): string {
    if (kindOf(type) !== "ClusterRole") return "";
    // For the message only: never deferred on.
    const labels = peek(peek(props, "metadata"), "labels");
    const targets = ["admin", "edit", "view"].filter((t) => peek(labels, `rbac.authorization.k8s.io/aggregate-to-${t}`) === "true");
    if (targets.length === 0) return "";
    return ` (its label${targets.length > 1 ? "s" : ""} ${targets.map((t) => `rbac.authorization.k8s.io/aggregate-to-${t}=true`).join(", ")} also ` +
        `add${targets.length > 1 ? "" : "s"} these rules to the built-in ${targets.map((t) => `"${t}"`).join(", ")} role${targets.length > 1 ? "s" : ""}, and so to everyone bound to ${targets.length > 1 ? "them" : "it"})`;
}

export interface RoleCheck {
    permissions: readonly Permission[];
    /** What to set instead. */
    fix: string;
    /** Judge a namespaced Role only in these namespaces (ClusterRoles are always judged). */
    namespaces?: readonly string[];
}

/** Reports every rule of a role that grants one of the check's permissions, one message per rule. */
export function checkRole(type: string, props: unknown, ctx: CheckContext<unknown>, check: RoleCheck): void {
    // Findings and deferrals are collected first: a namespace filter is read only when they matter.
    const violations: [string, string, string][] = [];
    const deferrals: string[] = [];
    // Aggregated rules are reported once per selector, with the union of what the selected roles grant.
    const aggregated = new Map<string, { aggregates: string; verbs: Map<string, Set<string>> }>();
    const note = aggregatedIntoNote(type, props);
    for (const ref of roleRules(type, props)) {
        // An unknown selector may pull in any role; an unknown rule entry may complete a grant.
        if (ref.unknownSelector) {
            deferrals.push(ref.unknownSelector);
            continue;
        }
        if (ref.aggregates) {
            const entry = aggregated.get(ref.path) ?? { aggregates: ref.aggregates, verbs: new Map<string, Set<string>>() };
            aggregated.set(ref.path, entry);
            for (const p of check.permissions) {
                const verbs = grantedVerbs(ref.rule, p);
                if (verbs.length === 0) continue;
                const key = resourceName(p);
                entry.verbs.set(key, new Set([...(entry.verbs.get(key) ?? []), ...verbs]));
            }
            continue;
        }
        const grants = describeGrants(surest(ref.rule), check.permissions);
        if (grants) violations.push([ref.path, grants + note, check.fix]);
        else if (ref.rule.unknown && describeGrants(widest(ref.rule), check.permissions)) deferrals.push(ref.rule.unknown.path);
    }
    for (const [path, entry] of aggregated) {
        if (entry.verbs.size === 0) continue;
        const grants = [...entry.verbs].map(([resource, verbs]) => `${[...verbs].join(", ")} on ${resource}`).join("; ");
        violations.push([path, `${entry.aggregates}, which grants ${grants}`, "narrow the selector to the labels of least-privilege roles, so that it does not aggregate these built-in roles"]);
    }
    if (violations.length === 0 && deferrals.length === 0) return;
    if (check.namespaces && kindOf(type) === "Role") {
        const metadata = peek(props, "metadata");
        const namespace = isUnknown(metadata) ? metadata : peek(metadata, "namespace");
        if (isUnknown(namespace)) {
            ctx.defer(isUnknown(metadata) ? "metadata" : "metadata.namespace");
            return;
        }
        if (typeof namespace !== "string" || !check.namespaces.includes(namespace)) return;
    }
    for (const [path, problem, fix] of violations) ctx.violation(path, problem, fix);
    for (const field of deferrals) ctx.defer(field);
}
