// Reading RoleBindings and ClusterRoleBindings (and their Patch variants): the role they reference and
// their subjects, plus the subject allow-list format shared by the binding policies' config.
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { compileGlobs, PolicyConfigError } from "../../core/config";
import { kindOf } from "../../core/types";
import { asArray, asDict, asString, asStrings, show } from "../../core/values";

export interface RoleRef {
    /** "ClusterRole" or "Role"; undefined when absent (e.g. in a patch). */
    kind?: string;
    name?: string;
}

export interface Subject {
    index: number;
    kind?: string;
    name?: string;
    /** For a ServiceAccount: its namespace, defaulting to the RoleBinding's own. */
    namespace?: string;
    /** "subjects[0]" */
    path: string;
    /** `Group "system:masters"`, `ServiceAccount "shop/default"`. */
    label: string;
    /** What allow-lists match: `Group:system:masters`, `ServiceAccount:shop/default`, `User:alice`. */
    id: string;
}

export interface Binding {
    /** "ClusterRoleBinding" or "RoleBinding". */
    kind: string;
    namespace?: string;
    roleRef: RoleRef;
    subjects: Subject[];
}

export function readBinding(type: string, props: unknown): Binding {
    const dict = asDict(props) ?? {};
    const kind = kindOf(type);
    const namespace = kind === "RoleBinding" ? asString(asDict(dict.metadata)?.namespace) : undefined;
    const ref = asDict(dict.roleRef) ?? {};
    const subjects: Subject[] = [];
    asArray(dict.subjects).forEach((value, index) => {
        const s = asDict(value);
        if (!s) return;
        const subjectKind = asString(s.kind);
        const name = asString(s.name);
        const subjectNamespace = subjectKind === "ServiceAccount" ? (asString(s.namespace) ?? namespace) : undefined;
        const qualified = subjectNamespace ? `${subjectNamespace}/${name ?? ""}` : (name ?? "");
        subjects.push({
            index,
            kind: subjectKind,
            name,
            namespace: subjectNamespace,
            path: `subjects[${index}]`,
            label: `${subjectKind ?? "subject"} "${qualified}"`,
            id: `${subjectKind ?? ""}:${qualified}`,
        });
    });
    return { kind, namespace, roleRef: { kind: asString(ref.kind), name: asString(ref.name) }, subjects };
}

/** `ClusterRole "cluster-admin"` */
export function roleRefLabel(ref: RoleRef): string {
    return `${ref.kind ?? "role"} "${ref.name ?? ""}"`;
}

/** Where the binding grants: cluster-wide, or in its namespace. */
export function bindingScope(binding: Binding): string {
    return binding.kind === "ClusterRoleBinding" ? "cluster-wide" : `in namespace "${binding.namespace ?? "default"}"`;
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
