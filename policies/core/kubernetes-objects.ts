// Kubernetes object semantics that several policy families share: namespaces, labels and label selectors.
import { asDict, asString, asStrings, isDict } from "./values";

/** Where an object without metadata.namespace lands: the provider's default namespace, "default". */
export const defaultNamespace = "default";

/** metadata.namespace, or "default" when absent or empty. */
export function namespaceOf(props: unknown): string {
    const namespace = asString(asDict(asDict(props)?.metadata)?.namespace);
    return namespace && namespace.trim() !== "" ? namespace : defaultNamespace;
}

/** String-valued labels of a labels map; other values are skipped. */
export function labelsOf(value: unknown): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const [key, v] of Object.entries(asDict(value) ?? {})) {
        // defineProperty: a label key "__proto__" is a plain entry, not the object's prototype.
        if (typeof v === "string") Object.defineProperty(labels, key, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return labels;
}

/**
 * True when a metav1.LabelSelector matches the labels. An absent or empty selector matches everything;
 * a selector the API server would reject (not an object, matchLabels not a map, an expression without a
 * key or with an unknown operator) matches nothing.
 */
export function labelSelectorMatches(selector: unknown, labels: Record<string, string>): boolean {
    if (selector === undefined || selector === null) return true;
    if (!isDict(selector)) return false;
    const { matchLabels, matchExpressions } = selector;
    if (matchLabels !== undefined && matchLabels !== null) {
        if (!isDict(matchLabels)) return false;
        for (const [key, value] of Object.entries(matchLabels)) {
            if (!Object.prototype.hasOwnProperty.call(labels, key) || labels[key] !== value) return false;
        }
    }
    if (matchExpressions === undefined || matchExpressions === null) return true;
    if (!Array.isArray(matchExpressions)) return false;
    for (const entry of matchExpressions) {
        const expression = asDict(entry);
        const key = asString(expression?.key);
        if (!expression || key === undefined) return false;
        const values = asStrings(expression.values);
        const present = Object.prototype.hasOwnProperty.call(labels, key);
        switch (asString(expression.operator)) {
            case "In":
                if (!present || !values.includes(labels[key])) return false;
                break;
            case "NotIn":
                if (present && values.includes(labels[key])) return false;
                break;
            case "Exists":
                if (!present) return false;
                break;
            case "DoesNotExist":
                if (present) return false;
                break;
            default:
                return false;
        }
    }
    return true;
}
