// Exemptions a reviewer can audit: per resource (a Kubernetes annotation, or a cloud tag/label that
// names the policy and carries the reason) and per policy (name patterns and namespaces in config).
import { compileGlobs, type ExemptionConfig } from "./config";
import { clusterScopedKinds, defaultNamespace } from "./kubernetes-objects";
import { isKubernetesType, kindOf } from "./types";
import { isUnknown, peek, plainTargetOf } from "./unknowns";
import { asDict, asString, isDict } from "./values";

/** Kubernetes: `exempt.clusterguard.io/<policy-name>: "<reason>"` in metadata.annotations. */
export const exemptionAnnotationPrefix = "exempt.clusterguard.io/";
/**
 * Clouds: a tag or label `clusterguard-exempt-<policy-name>` whose value is the reason. The form fits AWS
 * and Azure tags and GCP labels (lowercase, dashes, at most 63 characters).
 */
export const exemptionTagPrefix = "clusterguard-exempt-";

export interface Exemption {
    /** Why the resource is exempt, for the not-applicable report. */
    reason: string;
}

/** Kubernetes identity used by exemptions and messages; fields absent or unknown (preview) are undefined. */
export interface KubernetesIdentity {
    name?: string;
    namespace?: string;
    /** Plain data: read it with `peek`, which sees unknown values. */
    annotations?: Record<string, unknown>;
}

// Reading metadata or tags must never stop a policy: during preview they may be unknown, in which case
// the resource is simply not exempt by them. Every policy asks this of every object it reports, so it
// reads the plain data behind the SDK's proxy (peek still turns unknowns into `unknown`).
export function kubernetesIdentity(props: unknown): KubernetesIdentity {
    if (typeof props !== "object" || props === null) return {};
    const metadata = asDict(peek(plainTargetOf(props), "metadata"));
    if (!metadata) return {};
    return {
        name: asString(peek(metadata, "name")),
        namespace: asString(peek(metadata, "namespace")),
        annotations: asDict(peek(metadata, "annotations")),
    };
}

/** Where a cloud resource keeps its tags or labels. */
function cloudLabels(props: unknown): Record<string, unknown>[] {
    return [peek(props, "tags"), peek(props, "resourceLabels"), peek(peek(props, "nodeConfig"), "resourceLabels")].filter(isDict);
}

function labelExemption(labels: Record<string, unknown>[], key: string, what: string): Exemption | undefined {
    for (const source of labels) {
        const reason = asString(peek(source, key))?.trim();
        if (reason) return { reason: `${what} ${key}: ${reason}` };
    }
    return undefined;
}

// Config arrays are the same objects from call to call (the parsed config is reused), so each list is
// compiled (and validated) once; a new config brings new arrays and new matchers.
const matchers = new WeakMap<readonly string[], (text: string) => boolean>();

/** The matcher of a glob list, or undefined for an absent or empty list. */
function globMatcher(policyName: string, setting: keyof ExemptionConfig, patterns: readonly string[] | undefined): ((text: string) => boolean) | undefined {
    if (!patterns || patterns.length === 0) return undefined;
    let matcher = matchers.get(patterns);
    if (!matcher) {
        matcher = compileGlobs(policyName, setting, patterns);
        matchers.set(patterns, matcher);
    }
    return matcher;
}

/** "default" for a namespaced object whose `metadata.namespace` is absent or empty (not unknown). */
function implicitNamespace(resource: { type: string; props: unknown }): string | undefined {
    if (clusterScopedKinds.has(kindOf(resource.type))) return undefined;
    const metadata = peek(resource.props, "metadata");
    const namespace = isUnknown(metadata) ? metadata : peek(metadata, "namespace");
    return namespace === undefined || namespace === null || namespace === "" ? defaultNamespace : undefined;
}

/** The exemption that applies to a resource for a policy, if any. */
export function findExemption(
    policyName: string,
    resource: { type: string; name: string; props: unknown },
    config: ExemptionConfig,
): Exemption | undefined {
    const isKubernetes = isKubernetesType(resource.type);
    const identity = isKubernetes ? kubernetesIdentity(resource.props) : {};

    const nameMatches = globMatcher(policyName, "excludeResourceNames", config.excludeResourceNames);
    if (nameMatches) {
        const names = [resource.name];
        if (identity.name) {
            names.push(identity.name);
            if (identity.namespace) names.push(`${identity.namespace}/${identity.name}`);
        }
        const matchedName = names.find(nameMatches);
        if (matchedName !== undefined) {
            return { reason: `exempted by config: excludeResourceNames matches "${matchedName}"` };
        }
    }

    if (isKubernetes) {
        // A Namespace object is judged as being in itself; a namespaced object without a namespace is in
        // "default", as its live object says.
        const namespace = resource.type.endsWith(":Namespace") ? identity.name : (identity.namespace ?? implicitNamespace(resource));
        if (namespace && globMatcher(policyName, "excludeNamespaces", config.excludeNamespaces)?.(namespace)) {
            return { reason: `exempted by config: excludeNamespaces matches "${namespace}"` };
        }
        const annotations = identity.annotations ? [identity.annotations] : [];
        return labelExemption(annotations, exemptionAnnotationPrefix + policyName, "annotation");
    }
    return labelExemption(cloudLabels(resource.props), exemptionTagPrefix + policyName, "tag");
}
