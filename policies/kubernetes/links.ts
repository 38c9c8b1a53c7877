// How the Kubernetes objects of a stack find their siblings at AnalyzeStack: the cluster an object goes to
// (./clusters), the namespace a namespaced object lives in (and the Namespace object of that name in that
// cluster), the ServiceAccount its pods run as. By value where the value is known; in a preview where it
// is not, by property dependency: an object whose `metadata.namespace` is `ns.metadata.name` depends,
// through its `metadata` input, on that Namespace.
//
// What a verdict needs and cannot have in this preview is thrown as `SiblingUnknown`, naming the resource
// that holds it: the object's own reference that resolves neither way, or a sibling's unknown field. Run
// inside `judgeWithSiblings`, it defers only that one verdict, naming that resource and field.
import type { PolicyResource } from "@pulumi/policy";
import { defaultNamespace } from "../core/kubernetes-objects";
import type { StackCheckContext } from "../core/policy";
import { kubernetes, type TypeSet } from "../core/types";
import { isUnknown, PartialVerdict, peek, plainTargetOf, unknown } from "../core/unknowns";
import { asString, showName } from "../core/values";
import { dependencyTargets } from "../core/links";
import { type ClusterKey, type Clusters, clustersOf } from "./clusters";

/** Where a namespaced object lives, as far as the stack can tell. */
export interface NamespaceLink {
    /** Groups the objects of one namespace of one cluster: by the namespace's name when known, else by its Namespace's URN. */
    key: string;
    /** The cluster the object goes to. */
    cluster: ClusterKey;
    /** The namespace's name, when known. */
    name?: string;
    /** The Namespace object of the stack, when there is one. */
    namespace?: PolicyResource;
    /** How it was found: the name itself, or the Namespace the object's metadata was computed from. */
    via: "value" | "dependency";
}

/** A sibling's field that is unknown in this preview: the verdict that needs it is deferred, naming the sibling. */
export class SiblingUnknown extends Error {
    constructor(readonly resource: PolicyResource, readonly field: string, readonly why?: string) {
        super(`${field} of ${resource.urn} is unknown`);
    }
}

/**
 * True when a Kubernetes object's outputs are unknown as a whole: in a preview where the Kubernetes
 * provider's own configuration is computed in the same stack (the cluster's kubeconfig), the engine
 * hands AnalyzeStack an empty object. A real object always carries at least apiVersion and kind.
 */
export function outputsUnknown(resource: PolicyResource): boolean {
    const props: unknown = resource.props;
    if (typeof props !== "object" || props === null) return true;
    // Asked for every object by every stack check: look for one own key without listing them all.
    const target = plainTargetOf(props);
    for (const key in target) if (Object.prototype.hasOwnProperty.call(target, key)) return false;
    return true;
}

/** The field named when a whole object's outputs are unknown. */
const everyOutput = "every output";
const everyOutputWhy =
    "is unknown in this preview: the Kubernetes provider's configuration (e.g. the cluster's kubeconfig) is computed from another resource";

/** What leaves a resource undecided when its outputs are unknown as a whole. */
export function unknownOutputs(resource: PolicyResource): SiblingUnknown {
    return new SiblingUnknown(resource, everyOutput, everyOutputWhy);
}

/** Reads a sibling's fields: an unknown value throws `SiblingUnknown` naming the sibling and the field. */
export function readSibling<T>(sibling: PolicyResource, read: () => T): T {
    if (outputsUnknown(sibling)) throw unknownOutputs(sibling);
    const probe = new PartialVerdict();
    const failed = Symbol("unknown");
    const value = probe.part<T | typeof failed>(failed, read);
    if (value === failed) throw new SiblingUnknown(sibling, probe.fields[0] ?? "");
    return value;
}

/** The `metadata.name` of an object: a string, `unknown` in a preview, or undefined. */
function metadataName(resource: PolicyResource): string | undefined | typeof unknownName {
    if (outputsUnknown(resource)) return unknownName;
    const metadata = peek(resource.props, "metadata");
    if (isUnknown(metadata)) return unknownName;
    const name = peek(metadata, "name");
    if (isUnknown(name)) return unknownName;
    return asString(name);
}
const unknownName = Symbol("name unknown until deploy");

/** The namespaces of a stack: its Namespace objects, and the namespace of every namespaced object. */
export class Namespaces {
    /** Namespace objects by `namedKey`. */
    private readonly byName = new Map<string, PolicyResource>();
    private readonly objects: readonly PolicyResource[];
    /** Namespace objects whose name is unknown in this preview. */
    private readonly unnamed: PolicyResource[] = [];

    /** @param clusters where each object goes; the stack's own by default. */
    constructor(resources: readonly PolicyResource[], readonly clusters: Clusters = clustersOf(resources)) {
        this.objects = resources.filter((r) => kubernetes.namespace.has(r.type));
        for (const ns of this.objects) {
            const name = metadataName(ns);
            if (name === unknownName) this.unnamed.push(ns);
            else if (typeof name === "string" && name !== "") {
                const key = namedKey(clusters.keyOf(ns), name);
                if (!this.byName.has(key)) this.byName.set(key, ns);
            }
        }
    }

    /**
     * The Namespace objects whose unknown name might be the namespace of `link`: a namespace known by name
     * that no Namespace object of its cluster is known to carry.
     */
    couldBe(link: NamespaceLink): readonly PolicyResource[] {
        return link.name !== undefined && !link.namespace ? this.unnamed.filter((ns) => this.clusterOf(ns) === link.cluster) : [];
    }

    /** The cluster an object goes to. */
    clusterOf(resource: PolicyResource): ClusterKey {
        return this.clusters.keyOf(resource);
    }

    /** The Namespace objects of the stack. */
    get all(): readonly PolicyResource[] {
        return this.objects;
    }

    /** The grouping key of a Namespace object: by its name when known, else by its URN. */
    keyOfNamespace(ns: PolicyResource): string {
        const name = metadataName(ns);
        return typeof name === "string" && name !== "" ? namedKey(this.clusterOf(ns), name) : `urn:${ns.urn}`;
    }

    /** True when a Namespace object's name is unknown in this preview. */
    nameUnknown(ns: PolicyResource): boolean {
        return metadataName(ns) === unknownName;
    }

    /** The name of a Namespace object, when known. */
    nameOf(ns: PolicyResource): string | undefined {
        const name = metadataName(ns);
        return typeof name === "string" && name !== "" ? name : undefined;
    }

    /**
     * Where a namespaced object lives. Absent or empty `metadata.namespace` is the provider's default,
     * "default". An unknown one links to the Namespace its `metadata` was computed from; when there is
     * none (or several), `SiblingUnknown` names the object and `metadata.namespace`.
     */
    of(resource: PolicyResource): NamespaceLink {
        const metadata = outputsUnknown(resource) ? unknown : peek(resource.props, "metadata");
        const value = isUnknown(metadata) ? metadata : peek(metadata, "namespace");
        const cluster = this.clusterOf(resource);
        if (!isUnknown(value)) {
            const name = asString(value)?.trim() ? (value as string) : defaultNamespace;
            const key = namedKey(cluster, name);
            return { key, cluster, name, namespace: this.byName.get(key), via: "value" };
        }
        const sources = dependencyTargets(resource, "metadata", kubernetes.namespace);
        if (sources.length !== 1) {
            if (outputsUnknown(resource)) throw new SiblingUnknown(resource, everyOutput, everyOutputWhy);
            throw new SiblingUnknown(resource, isUnknown(metadata) ? "metadata" : "metadata.namespace");
        }
        const [namespace] = sources;
        const name = this.nameOf(namespace);
        return { key: this.keyOfNamespace(namespace), cluster, ...(name !== undefined ? { name } : {}), namespace, via: "dependency" };
    }

    /**
     * The namespace for messages: `namespace "shop"`, or the Namespace object when its name is not known yet;
     * in a stack of several clusters, with its cluster (`namespace "shop" in the cluster of Kubernetes provider "green"`).
     */
    describe(link: NamespaceLink): string {
        const cluster = this.clusters.describe(link.cluster);
        const where = cluster ? ` in ${cluster}` : "";
        if (link.name !== undefined) return `namespace "${showName(link.name)}"${where}`;
        return `the namespace of Namespace resource "${showName(link.namespace?.name ?? "?")}" (name known at deploy)${where}`;
    }
}

/** The grouping key of a namespace known by name: `name:<ns>`, after the cluster's key when the stack has several. */
function namedKey(cluster: ClusterKey, name: string): string {
    return cluster === "" ? `name:${name}` : `${cluster}\u0000name:${name}`;
}

/**
 * The sibling of `types` that `from`'s input `property` was computed from, when exactly one; used where
 * the referencing value is unknown in this preview.
 */
export function computedFrom(from: PolicyResource, property: string, types: TypeSet): PolicyResource | undefined {
    const targets = dependencyTargets(from, property, types);
    return targets.length === 1 ? targets[0] : undefined;
}

/**
 * For the stack part of a resource policy, which judges at AnalyzeStack what Analyze left to it (a
 * reference computed from a sibling): false when the resource's outputs are unknown as a whole and its
 * `property` was computed from no sibling of `types`, so the reference was known and Analyze judged it.
 */
export function leftToStack(resource: PolicyResource, property: string, types: TypeSet): boolean {
    return !outputsUnknown(resource) || dependencyTargets(resource, property, types).length > 0;
}

/** The `metadata.name` of an object when known (for value links), else undefined. */
export function knownName(resource: PolicyResource): string | undefined {
    const name = metadataName(resource);
    return typeof name === "string" ? name : undefined;
}

/**
 * Runs the checks of one resource in a stack policy: an unknown field of the resource defers them naming
 * that field (`ctx.judge`), and an unknown field of a sibling they needed defers them naming the sibling.
 */
export function judgeWithSiblings<C>(ctx: StackCheckContext<C>, resource: PolicyResource, check: () => void): void {
    if (outputsUnknown(resource)) {
        ctx.defer(resource, everyOutput, everyOutputWhy);
        return;
    }
    ctx.judge(resource, () => {
        try {
            check();
        } catch (e) {
            if (!(e instanceof SiblingUnknown)) throw e;
            ctx.defer(e.resource, e.field, e.why);
        }
    });
}
