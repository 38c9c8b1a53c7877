// Kubernetes object semantics that several policy families share: namespaces, labels and label selectors.
import { isKubernetesType } from "./types";
import { knownPlain } from "./unknowns";
import { asDict, asString, asStrings, isDict, showName } from "./values";

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
    // Matched against every pod: read a selector with nothing unknown as plain data, without the proxy.
    selector = knownPlain(selector) ?? selector;
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

/** Components that render Kubernetes objects from a source the program does not write object by object. */
const renderingComponents: readonly { types: readonly string[]; source: string; change: string }[] = [
    {
        types: ["kubernetes:helm.sh/v4:Chart", "kubernetes:helm.sh/v3:Chart"],
        source: "Helm chart",
        change: "set it through the chart's `values` if the chart exposes it, or else rewrite the rendered object with a transform (the Chart's `transforms` resource option)",
    },
    {
        types: ["kubernetes:yaml/v2:ConfigFile", "kubernetes:yaml/v2:ConfigGroup", "kubernetes:yaml:ConfigFile", "kubernetes:yaml:ConfigGroup"],
        source: "YAML manifest",
        change: "change it in the YAML, or rewrite the object with a transform (the component's `transforms` resource option)",
    },
    {
        types: ["kubernetes:kustomize/v2:Directory", "kubernetes:kustomize:Directory"],
        source: "kustomization",
        change: "change it with a kustomize patch, or rewrite the object with a transform (the component's `transforms` resource option)",
    },
];

/**
 * A fix for a Kubernetes object that a Helm chart, YAML file or kustomization rendered: where to make the
 * change, since the program does not write the object itself. `urn` is the object's (its type chain names
 * the components it was created in); `parent` the URN of its direct parent, for the component's name.
 */
export function fixWhereRendered(type: string, urn: string | undefined, parent: string | undefined, fix: string): string {
    // Only an object created inside a component has a type chain (`parent$child`) in its URN.
    if (!urn || !urn.includes("$") || !isKubernetesType(type)) return fix;
    const chain = urn.split("::")[2]?.split("$") ?? [];
    for (let i = chain.length - 2; i >= 0; i--) {
        const component = renderingComponents.find((c) => c.types.includes(chain[i]));
        if (!component) continue;
        const parentParts = parent?.split("::");
        const name = parentParts && parentParts[2]?.split("$").pop() === chain[i] ? parentParts.slice(3).join("::") : undefined;
        return `${fix}. This object comes from the ${component.source}${name ? ` "${showName(name)}"` : ""}: ${component.change}`;
    }
    return fix;
}

/**
 * Kinds that live outside any namespace (k8s.io/api, `namespaced: false`). Every other kind is namespaced:
 * without `metadata.namespace` it lands in the provider's default namespace.
 */
export const clusterScopedKinds: ReadonlySet<string> = new Set([
    "Namespace", "Node", "PersistentVolume", "ComponentStatus",
    "ClusterRole", "ClusterRoleBinding",
    "CustomResourceDefinition", "APIService",
    "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
    "StorageClass", "CSIDriver", "CSINode", "VolumeAttachment", "VolumeAttributesClass",
    "PriorityClass", "RuntimeClass", "IngressClass", "CertificateSigningRequest",
    "FlowSchema", "PriorityLevelConfiguration", "ClusterCIDR", "IPAddress", "ServiceCIDR",
    "PodSecurityPolicy", "DeviceClass", "ResourceSlice",
    "SelfSubjectReview", "TokenReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview", "SubjectAccessReview",
]);
