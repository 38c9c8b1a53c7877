// Readers for AWS props that never throw on an unknown (preview) value or a wrong type: the policy
// decides what an unknown or a wrong-typed value means for its verdict. Not a policy.
import { asBool, type CheckContext, isUnknown, peek } from "../core";
import { componentFix } from "./components";

/** A boolean field: true, false, absent, "unknown" (preview), or "wrong" (a value of another type). */
export function readBool(container: unknown, key: string): boolean | undefined | "unknown" | "wrong" {
    const raw = peek(container, key);
    if (isUnknown(raw)) return "unknown";
    if (raw === undefined || raw === null) return undefined;
    return asBool(raw) ?? "wrong";
}

/** The indices of an array, read without touching its elements (an element may be unknown in a preview). */
export function indices(value: unknown): number[] {
    return Array.isArray(value) ? Array.from({ length: value.length }, (_, i) => i) : [];
}

/**
 * `ctx.violation` with a component-aware fix: a resource created inside @pulumi/eks (or awsx) gets the
 * component argument that sets the field, instead of the field itself.
 */
export function reporter<C>(ctx: CheckContext<C>): (path: string, problem: string, fix: string) => void {
    const resource = { urn: ctx.urn, type: ctx.type, parentUrn: ctx.parent };
    return (path, problem, fix) => ctx.violation(path, problem, componentFix(resource, path, fix));
}
