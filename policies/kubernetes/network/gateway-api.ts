// Gateway API attachment, as far as the stack tells: which listeners of which Gateway or ListenerSet a
// route's parentRef attaches it to. The rules are the API's own (apis/v1, Gateway API 1.5):
// - a parentRef names its parent by group (default gateway.networking.k8s.io), kind (default Gateway),
//   namespace (default the route's) and name; `sectionName` picks a listener by name and `port` by port;
// - a listener admits a route when its `allowedRoutes.kinds` lists the route's kind (unset: the kinds of
//   its protocol), `allowedRoutes.namespaces.from` admits the route's namespace (default Same, or All,
//   Selector, None), and its `hostname` and the route's `hostnames` intersect when both are set;
// - a ListenerSet's listeners serve only when its Gateway admits it through `allowedListeners`
//   (default: none).
// A parent outside the stack cannot be judged here; one whose name or namespace is unknown in this
// preview might be the one named, and leaves that verdict undecided.
import type { PolicyResource } from "@pulumi/policy";
import { pushTo } from "../../core/collections";
import { labelSelectorMatches, labelsOf } from "../../core/kubernetes-objects";
import { anyOf, kindOf, kubernetes } from "../../core/types";
import { asArray, asDict, asNumber, asString, showName } from "../../core/values";
import { knownName, type NamespaceLink, type Namespaces, readSibling, SiblingUnknown } from "../links";

const gatewayGroup = "gateway.networking.k8s.io";

/** Gateways and ListenerSets: the objects that hold listeners. */
const listenerOwners = anyOf(kubernetes.gateway, kubernetes.listenerSet);

/** A listener of a Gateway or ListenerSet of the stack. */
export interface Listener {
    owner: PolicyResource;
    name?: string;
    port?: number;
    protocol?: string;
    hostname?: string;
    /** The listener as written, for the fields read only when needed (allowedRoutes). */
    entry: unknown;
}

/** The API group and kind of a Kubernetes type token, e.g. gateway.networking.k8s.io and Gateway. */
function groupKindOf(type: string): { group: string; kind: string } {
    const group = type.slice(type.indexOf(":") + 1, type.indexOf("/"));
    return { group: group === "core" ? "" : group, kind: kindOf(type) };
}

/** How messages name a Gateway or ListenerSet: `Gateway "infra/web"`. */
export function describeOwner(owner: PolicyResource, namespaces: Namespaces): string {
    const kind = kindOf(owner.type);
    const name = knownName(owner) ?? owner.name;
    const namespace = namespaceName(owner, namespaces);
    return `${kind} "${showName(namespace !== undefined ? `${namespace}/${name}` : name)}"`;
}

/** A reference to a parent: its group, kind, name, and namespace (undefined: the referrer's own). */
interface ParentRef {
    group: string;
    kind: string;
    name: string | undefined;
    namespace: string | undefined;
}

/** Reads a parentRef (already read from the referrer, so unknowns throw the SDK's error naming the field). */
export function parentRefOf(ref: unknown): ParentRef {
    const dict = asDict(ref);
    return {
        group: asString(dict?.group) ?? gatewayGroup,
        kind: asString(dict?.kind) ?? "Gateway",
        name: asString(dict?.name),
        namespace: asString(dict?.namespace)?.trim() || undefined,
    };
}

/** The Gateways and ListenerSets of a stack, found by reference. */
export class ListenerOwners {
    /** Owners by group, kind and name; those whose name is unknown in this preview by group and kind. */
    private readonly byName = new Map<string, PolicyResource[]>();
    private readonly unnamed = new Map<string, { owner: PolicyResource; unknown: SiblingUnknown }[]>();
    private readonly listeners = new Map<PolicyResource, (Listener | SiblingUnknown)[] | SiblingUnknown>();

    constructor(resources: readonly PolicyResource[], private readonly namespaces: Namespaces) {
        for (const owner of resources) {
            if (!listenerOwners.has(owner.type)) continue;
            const { group, kind } = groupKindOf(owner.type);
            try {
                const name = readSibling(owner, () => asString(asDict(asDict(owner.props)?.metadata)?.name));
                if (name !== undefined) pushTo(this.byName, `${group}\u0000${kind}\u0000${name}`, owner);
            } catch (e) {
                if (!(e instanceof SiblingUnknown)) throw e;
                pushTo(this.unnamed, `${group}\u0000${kind}`, { owner, unknown: e });
            }
        }
    }

    /**
     * The owner `ref` names, from an object in `from`; undefined when the stack holds none. Throws
     * `SiblingUnknown` when none is known to match but one whose name or namespace is unknown might.
     */
    find(ref: ParentRef, from: NamespaceLink): PolicyResource | undefined {
        if (ref.name === undefined) return undefined;
        let undecided: SiblingUnknown | undefined;
        for (const owner of this.byName.get(`${ref.group}\u0000${ref.kind}\u0000${ref.name}`) ?? []) {
            try {
                const link = this.namespaces.of(owner);
                if (link.cluster !== from.cluster) continue;
                if (ref.namespace === undefined) {
                    if (link.key === from.key) return owner;
                } else if (link.name === ref.namespace) {
                    return owner;
                } else if (link.name === undefined) {
                    undecided ??= new SiblingUnknown(link.namespace ?? owner, "metadata.name");
                }
            } catch (e) {
                if (!(e instanceof SiblingUnknown)) throw e;
                undecided ??= e;
            }
        }
        const unnamed = this.unnamed.get(`${ref.group}\u0000${ref.kind}`)?.find(({ owner }) => this.namespaces.clusterOf(owner) === from.cluster);
        undecided ??= unnamed?.unknown;
        if (undecided) throw undecided;
        return undefined;
    }

    /**
     * The listeners of an owner. An unknown list throws `SiblingUnknown` naming it; a listener with an
     * unknown field is that `SiblingUnknown` in its place, so the others are still judged.
     */
    listenersOf(owner: PolicyResource): (Listener | SiblingUnknown)[] {
        let listeners = this.listeners.get(owner);
        if (!listeners) {
            try {
                listeners = readListeners(owner);
            } catch (e) {
                if (!(e instanceof SiblingUnknown)) throw e;
                listeners = e;
            }
            this.listeners.set(owner, listeners);
        }
        if (listeners instanceof SiblingUnknown) throw listeners;
        return listeners;
    }

    /**
     * Whether a ListenerSet's listeners serve: its Gateway, when in the stack, admits it through
     * `spec.allowedListeners` (default none). A Gateway outside the stack is taken to admit it.
     */
    serves(owner: PolicyResource): boolean {
        if (!kubernetes.listenerSet.has(owner.type)) return true;
        const link = this.namespaces.of(owner);
        const ref = readSibling(owner, () => parentRefOf(asDict(asDict(owner.props)?.spec)?.parentRef));
        const gateway = this.find(ref, link);
        if (!gateway) return true;
        const allowed = readSibling(gateway, () => asDict(asDict(asDict(gateway.props)?.spec)?.allowedListeners)?.namespaces);
        return this.admits(gateway, allowed, "None", link);
    }

    /**
     * Whether `from` (the namespaces of allowedRoutes or allowedListeners, on `owner`) admits an object of
     * namespace `link`.
     */
    admits(owner: PolicyResource, namespacesField: unknown, byDefault: string, link: NamespaceLink): boolean {
        const field = readSibling(owner, () => {
            const dict = asDict(namespacesField);
            return { from: asString(dict?.from) ?? byDefault, selector: dict?.selector };
        });
        switch (field.from) {
            case "All":
                return true;
            case "Same":
                return this.namespaces.of(owner).key === link.key;
            case "Selector": {
                // A namespace outside the stack has only its name label as far as the stack knows.
                const ns = link.namespace;
                const labels = ns ? readSibling(ns, () => labelsOf(asDict(asDict(ns.props)?.metadata)?.labels)) : {};
                if (link.name === undefined) throw new SiblingUnknown(ns ?? owner, "metadata.name");
                return readSibling(owner, () => labelSelectorMatches(field.selector, { ...labels, "kubernetes.io/metadata.name": link.name! }));
            }
            default:
                return false;
        }
    }
}

/** Whether a listener admits a route of `kind` in namespace `link` (kinds and namespaces). */
export function admitsRoute(owners: ListenerOwners, listener: Listener, kind: string, link: NamespaceLink, routeKinds: readonly string[]): boolean {
    const allowed = readSibling(listener.owner, () => {
        const dict = asDict(asDict(listener.entry)?.allowedRoutes);
        return { kinds: asArray(dict?.kinds).map((k) => ({ group: asString(asDict(k)?.group) ?? gatewayGroup, kind: asString(asDict(k)?.kind) })), namespaces: dict?.namespaces };
    });
    const kinds = allowed.kinds.length > 0 ? allowed.kinds : routeKinds.map((k) => ({ group: gatewayGroup, kind: k }));
    if (!kinds.some((k) => k.group === gatewayGroup && k.kind === kind)) return false;
    return owners.admits(listener.owner, allowed.namespaces, "Same", link);
}

/** Whether a listener's hostname and a route's hostnames intersect (either unset matches all). */
export function hostnamesIntersect(listener: string | undefined, route: readonly string[]): boolean {
    if (!listener || route.length === 0) return true;
    return route.some((host) => hostsOverlap(listener.toLowerCase(), host.toLowerCase()));
}

// `*.example.com` matches any name under example.com, not example.com itself.
function hostsOverlap(a: string, b: string): boolean {
    if (a === b) return true;
    const suffixA = a.startsWith("*.") ? a.slice(1) : undefined;
    const suffixB = b.startsWith("*.") ? b.slice(1) : undefined;
    if (suffixA && suffixB) return suffixA.endsWith(suffixB) || suffixB.endsWith(suffixA);
    if (suffixA) return b.endsWith(suffixA);
    if (suffixB) return a.endsWith(suffixB);
    return false;
}

function readListeners(owner: PolicyResource): (Listener | SiblingUnknown)[] {
    const entries = readSibling(owner, () => asArray(asDict(asDict(owner.props)?.spec)?.listeners));
    return entries.map((entry) => {
        try {
            return readSibling(owner, () => {
                const listener = asDict(entry);
                return {
                    owner,
                    entry,
                    name: asString(listener?.name),
                    port: asNumber(listener?.port),
                    protocol: asString(listener?.protocol),
                    hostname: asString(listener?.hostname),
                };
            });
        } catch (e) {
            if (!(e instanceof SiblingUnknown)) throw e;
            return e;
        }
    });
}

function namespaceName(resource: PolicyResource, namespaces: Namespaces): string | undefined {
    try {
        return namespaces.of(resource).name;
    } catch {
        return undefined;
    }
}
