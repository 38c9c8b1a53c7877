// Reading RoleBindings and ClusterRoleBindings (and their Patch variants): the role they reference and
// their subjects, plus the subject allow-list format shared by the binding policies' config.
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import type { PolicyResource } from "@pulumi/policy";
import { compileGlobs, PolicyConfigError } from "../../core/config";
import type { CheckContext, StackCheckContext } from "../../core/policy";
import { kindOf } from "../../core/types";
import { isUnknown, peek } from "../../core/unknowns";
import { asArray, asString, asStrings, isDict, show } from "../../core/values";

export interface RoleRef {
    /** "ClusterRole" or "Role"; undefined when absent (e.g. in a patch). */
    kind?: string;
    name?: string;
    /** In a preview: the path that leaves the kind, or the name, unknown (roleRef itself, or the field). */
    unknown?: { kind?: string; name?: string };
}

export type SubjectField = "kind" | "name" | "namespace";

export interface Subject {
    index: number;
    kind?: string;
    name?: string;
    /** For a ServiceAccount: its namespace, defaulting to the RoleBinding's own. */
    namespace?: string;
    /** "subjects[0]" */
    path: string;
    /** `Group "system:masters"`, `ServiceAccount "shop/default"`, or `subject #1` while unknown. */
    label: string;
    /** What allow-lists match: `Group:system:masters`, `ServiceAccount:shop/default`, `User:alice`. */
    id: string;
    /** In a preview: the fields of the subject that are unknown, by path (the whole entry makes all of them unknown). */
    unknown: Partial<Record<SubjectField, string>>;
}

export interface Binding {
    /** "ClusterRoleBinding" or "RoleBinding". */
    kind: string;
    namespace?: string;
    /** True when the RoleBinding's namespace is unknown in this preview. */
    namespaceUnknown: boolean;
    roleRef: RoleRef;
    subjects: Subject[];
}

/** A field read without throwing: its string value, or the path when it is unknown in this preview. */
function field(holder: unknown, key: string, path: string): { value?: string; unknown?: string } {
    const value = peek(holder, key);
    return isUnknown(value) ? { unknown: path } : { value: asString(value) };
}

/**
 * Reads a binding without throwing in a preview: unknown parts are marked (see `unknown`), so each
 * policy judges the subjects it can and defers only the fields its verdict needs.
 */
export function readBinding(type: string, props: unknown): Binding {
    const kind = kindOf(type);
    const metadata = peek(props, "metadata");
    const ns = kind === "RoleBinding" ? (isUnknown(metadata) ? { unknown: "metadata" } : field(metadata, "namespace", "metadata.namespace")) : {};
    const namespace = ns.value;
    const rawRef = peek(props, "roleRef");
    const refKind = isUnknown(rawRef) ? { unknown: "roleRef" } : field(rawRef, "kind", "roleRef.kind");
    const refName = isUnknown(rawRef) ? { unknown: "roleRef" } : field(rawRef, "name", "roleRef.name");
    const roleRef: RoleRef = {
        kind: refKind.value,
        name: refName.value,
        ...(refKind.unknown || refName.unknown ? { unknown: { ...(refKind.unknown ? { kind: refKind.unknown } : {}), ...(refName.unknown ? { name: refName.unknown } : {}) } } : {}),
    };
    const subjects: Subject[] = [];
    const rawSubjects = peek(props, "subjects");
    const list = isUnknown(rawSubjects) ? [] : asArray(rawSubjects);
    for (let index = 0; index < list.length; index++) {
        const path = `subjects[${index}]`;
        const entry = peek(list, index);
        if (isUnknown(entry)) {
            subjects.push({ index, path, label: `subject #${index}`, id: "", unknown: { kind: path, name: path, namespace: path } });
            continue;
        }
        if (!isDict(entry)) continue;
        const subjectKind = field(entry, "kind", `${path}.kind`);
        const name = field(entry, "name", `${path}.name`);
        const unknown: Partial<Record<SubjectField, string>> = {};
        if (subjectKind.unknown) unknown.kind = subjectKind.unknown;
        if (name.unknown) unknown.name = name.unknown;
        let subjectNamespace: string | undefined;
        if (subjectKind.value === "ServiceAccount" || subjectKind.unknown) {
            const own = field(entry, "namespace", `${path}.namespace`);
            subjectNamespace = own.value ?? (own.unknown ? undefined : namespace);
            const namespaceUnknown = own.unknown ?? (own.value === undefined ? ns.unknown : undefined);
            if (namespaceUnknown) unknown.namespace = namespaceUnknown;
        }
        const shownName = name.value ?? (name.unknown ? "(unknown until deploy)" : "");
        const qualified = subjectNamespace ? `${subjectNamespace}/${shownName}` : shownName;
        subjects.push({
            index,
            kind: subjectKind.value,
            name: name.value,
            namespace: subjectNamespace,
            path,
            label: subjectKind.unknown || name.unknown ? `subject #${index}` : `${subjectKind.value ?? "subject"} "${qualified}"`,
            id: `${subjectKind.value ?? ""}:${qualified}`,
            unknown,
        });
    }
    if (isUnknown(rawSubjects)) subjects.push({ index: -1, path: "subjects", label: "subjects", id: "", unknown: { kind: "subjects", name: "subjects", namespace: "subjects" } });
    return { kind, namespace, namespaceUnknown: ns.unknown !== undefined, roleRef, subjects };
}

/**
 * True when the subject's `fields` are known; otherwise defers the first unknown one (the verdict on
 * this subject needs it) and returns false. Ask for the kind first: a subject of another kind needs no name.
 */
export function knownSubject(subject: Subject, ctx: Pick<CheckContext<unknown>, "defer">, fields: readonly SubjectField[]): boolean {
    const unknown = fields.map((f) => subject.unknown[f]).find((p) => p !== undefined);
    if (unknown === undefined) return true;
    ctx.defer(unknown);
    return false;
}

/** True when the roleRef's `field` is known; otherwise defers it and returns false. */
export function knownRoleRef(binding: Binding, ctx: Pick<CheckContext<unknown>, "defer">, field: "kind" | "name"): boolean {
    const unknown = binding.roleRef.unknown?.[field];
    if (unknown === undefined) return true;
    ctx.defer(unknown);
    return false;
}

/** Reports and defers on one binding, at Analyze or, for a binding of a stack, at AnalyzeStack. */
export type BindingJudge = Pick<CheckContext<unknown>, "violation" | "defer">;

/** A BindingJudge that reports on `resource` through a stack policy's context. */
export function stackJudge(ctx: StackCheckContext<unknown>, resource: PolicyResource): BindingJudge {
    return { violation: (path, problem, fix) => ctx.violation(resource, path, problem, fix), defer: (field, why) => ctx.defer(resource, field, why) };
}

/** `ClusterRole "cluster-admin"` */
export function roleRefLabel(ref: RoleRef): string {
    return `${ref.kind ?? "role"} "${ref.name ?? (ref.unknown?.name ? "(unknown until deploy)" : "")}"`;
}

/** Where the binding grants: cluster-wide, or in its namespace. */
export function bindingScope(binding: Binding): string {
    if (binding.kind === "ClusterRoleBinding") return "cluster-wide";
    return binding.namespaceUnknown ? "in its namespace" : `in namespace "${binding.namespace ?? "default"}"`;
}

export const allowedSubjectsSchema: PolicyConfigJSONSchema = {
    type: "array",
    items: { type: "string", minLength: 1 },
    default: [],
    description:
        "Subjects allowed despite this policy, as `Kind:name` (`User:alice`, `Group:platform-admins`) or " +
        "`ServiceAccount:namespace/name`; glob patterns allowed (`ServiceAccount:flux-system/*`).",
};

/** Compiles an allow-list of subject patterns; throws PolicyConfigError naming the key on a bad entry. */
export function subjectMatcher(policyName: string, key: string, patterns: unknown): (subject: Subject) => boolean {
    const list = asStrings(patterns);
    for (const p of list) {
        if (!/^(User|Group|ServiceAccount):./.test(p)) {
            throw new PolicyConfigError(policyName, `${key}: ${show(p)} must look like User:name, Group:name or ServiceAccount:namespace/name`);
        }
        // A ServiceAccount is namespaced: its id is ServiceAccount:namespace/name, so without one nothing matches.
        if (/^ServiceAccount:/.test(p) && !/^ServiceAccount:[^/]+\/[^/]+$/.test(p)) {
            throw new PolicyConfigError(policyName, `${key}: ${show(p)} names a ServiceAccount without its namespace; write ServiceAccount:namespace/name (globs allowed, e.g. ServiceAccount:flux-system/*)`);
        }
    }
    const match = compileGlobs(policyName, key, list);
    return (subject) => match(subject.id);
}
