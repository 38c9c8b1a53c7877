// The pod-spec walker: finds the pod spec in every workload kind and visits every container list.
// Patch variants carry partial specs, so everything here tolerates missing fields.
//
// In a preview any part of a pod spec may be unknown. The walker reads only what every pod check needs
// (the pod spec itself) and leaves the rest to the checks: a container whose entry, list or name is
// unknown is still visited, labelled by its index, and reading an unknown part throws the SDK's
// UnknownValueError naming that field, so only the check that needed it is deferred.
import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import { isPatchType, kindOf, kubernetes } from "./types";
import { isUnknown, knownPlain, peek, unknownFieldError } from "./unknowns";
import { asDict, pathGet, showName } from "./values";

export type PodSpec = Unwrap<k8s.core.v1.PodSpec>;
export type Container = Unwrap<k8s.core.v1.Container>;
export type EphemeralContainer = Unwrap<k8s.core.v1.EphemeralContainer>;
export type ObjectMeta = Unwrap<k8s.meta.v1.ObjectMeta>;

/** Where the pod spec sits in each kind. */
const podSpecPaths: Record<string, readonly string[]> = {
    Pod: ["spec"],
    PodTemplate: ["template", "spec"],
    ReplicationController: ["spec", "template", "spec"],
    Deployment: ["spec", "template", "spec"],
    StatefulSet: ["spec", "template", "spec"],
    DaemonSet: ["spec", "template", "spec"],
    ReplicaSet: ["spec", "template", "spec"],
    Job: ["spec", "template", "spec"],
    CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

/** Where a workload type keeps its pod spec, e.g. `["spec", "template", "spec"]`; undefined for other types. */
export function podSpecPath(type: string): readonly string[] | undefined {
    return kubernetes.workloads.has(type) ? podSpecPaths[kindOf(type)] : undefined;
}

export interface PodSpecLocation {
    /** Workload kind without the Patch suffix, e.g. "CronJob". */
    kind: string;
    /** True for `...Patch` types: judge only what is present. */
    isPatch: boolean;
    /** Dotted path of the pod spec in the resource, e.g. "spec.template.spec". */
    path: string;
    spec: PodSpec;
    /** Dotted path of the pod's metadata: the template's, or the object's own for a Pod. */
    metadataPath: string;
    /** The pod's metadata; reading it throws the SDK's unknown-value error when it is unknown. */
    readonly podMetadata: ObjectMeta | undefined;
}

/**
 * The pod spec of a workload resource, or undefined for other types or when absent. Reading the path
 * goes through the SDK's proxy: when the pod spec itself is unknown, every pod check depends on it.
 * A spec with nothing unknown inside is handed out as plain data: some thirty policies walk every
 * container of it, and through the proxy each read would build a new proxy.
 */
export function podSpecOf(type: string, props: unknown): PodSpecLocation | undefined {
    if (!kubernetes.workloads.has(type)) return undefined;
    const kind = kindOf(type);
    const path = podSpecPaths[kind];
    if (!path) return undefined;
    const spec = asDict(pathGet(props, path));
    if (!spec) return undefined;
    const metadataPath = path.slice(0, -1).concat("metadata");
    return {
        kind,
        isPatch: isPatchType(type),
        path: path.join("."),
        spec: (knownPlain(spec) ?? spec) as PodSpec,
        metadataPath: metadataPath.join("."),
        get podMetadata() {
            const metadata = asDict(pathGet(props, metadataPath));
            return (knownPlain(metadata) ?? metadata) as ObjectMeta | undefined;
        },
    };
}

export type ContainerList = "containers" | "initContainers" | "ephemeralContainers";
export const containerLists: readonly ContainerList[] = ["containers", "initContainers", "ephemeralContainers"];

export interface ContainerRef {
    list: ContainerList;
    /** Position in its list; -1 stands for a whole list that is unknown in this preview. */
    index: number;
    /**
     * Container fields shared by all three lists. Reading it throws the SDK's unknown-value error when
     * the entry (or its whole list) is unknown in this preview.
     */
    readonly container: Container;
    /** The container's name; undefined when absent, not a string, or unknown (see `nameUnknown`). */
    name: string | undefined;
    /** True when the name is unknown in this preview: the container is labelled by its index. */
    nameUnknown: boolean;
    /** Dotted path of the container, e.g. "spec.template.spec.initContainers[0]". */
    readonly path: string;
    /** For messages: `container "app"`, `init container "setup"`, or `container #1` when the name is not known. */
    readonly label: string;
}

const listLabel: Record<ContainerList, string> = {
    containers: "container",
    initContainers: "init container",
    ephemeralContainers: "ephemeral container",
};

// Pods may hold thousands of containers and a policy rarely reports on one: paths and labels are built
// only when a message needs them.
class ContainerEntry implements ContainerRef {
    constructor(
        readonly list: ContainerList,
        readonly index: number,
        readonly container: Container,
        readonly name: string | undefined,
        readonly nameUnknown: boolean,
        private readonly listPath: string,
    ) {}

    get path(): string {
        return `${this.listPath}[${this.index}]`;
    }

    get label(): string {
        return this.name !== undefined ? `${listLabel[this.list]} "${showName(this.name)}"` : `${listLabel[this.list]} #${this.index}`;
    }
}

/** A container ref whose content is unknown: any read of it defers, naming `path`. */
function unknownRef(list: ContainerList, index: number, path: string, label: string): ContainerRef {
    return {
        list,
        index,
        get container(): Container {
            throw unknownFieldError(path);
        },
        name: undefined,
        nameUnknown: true,
        path,
        label,
    };
}

/**
 * Every container in every list of a pod spec, in order. Entries that are not objects are skipped; an
 * entry or list that is unknown in this preview is kept as a ref whose content defers when read.
 */
export function containersOf(pod: PodSpecLocation): ContainerRef[] {
    const refs: ContainerRef[] = [];
    for (const list of containerLists) {
        const listPath = `${pod.path}.${list}`;
        const entries = peek(pod.spec, list);
        if (isUnknown(entries)) {
            refs.push(unknownRef(list, -1, listPath, `${listLabel[list]}s (${list})`));
            continue;
        }
        if (!Array.isArray(entries)) continue;
        // Index loop and peek: array methods on the SDK's proxy read every element and throw on an unknown one.
        for (let index = 0; index < entries.length; index++) {
            const entry = peek(entries, index);
            if (isUnknown(entry)) {
                refs.push(unknownRef(list, index, `${listPath}[${index}]`, `${listLabel[list]} #${index}`));
                continue;
            }
            const container = asDict(entry);
            if (!container) continue;
            const rawName = peek(container, "name");
            const name = typeof rawName === "string" && rawName !== "" ? rawName : undefined;
            refs.push(new ContainerEntry(list, index, container as Container, name, isUnknown(rawName), listPath));
        }
    }
    return refs;
}
