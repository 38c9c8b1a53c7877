// The pod-spec walker: finds the pod spec in every workload kind and visits every container list.
// Patch variants carry partial specs, so everything here tolerates missing fields.
import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import { isPatchType, kindOf, kubernetes } from "./types";
import { asArray, asDict, asString, type Dict, pathGet } from "./values";

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

export interface PodSpecLocation {
    /** Workload kind without the Patch suffix, e.g. "CronJob". */
    kind: string;
    /** True for `...Patch` types: judge only what is present. */
    isPatch: boolean;
    /** Dotted path of the pod spec in the resource, e.g. "spec.template.spec". */
    path: string;
    spec: PodSpec;
    /** The pod's metadata: the template's, or the object's own for a Pod. */
    podMetadata: ObjectMeta | undefined;
}

/** The pod spec of a workload resource, or undefined for other types or when absent. */
export function podSpecOf(type: string, props: unknown): PodSpecLocation | undefined {
    if (!kubernetes.workloads.has(type)) return undefined;
    const kind = kindOf(type);
    const path = podSpecPaths[kind];
    if (!path) return undefined;
    const spec = asDict(pathGet(props, path));
    if (!spec) return undefined;
    return {
        kind,
        isPatch: isPatchType(type),
        path: path.join("."),
        spec: spec as PodSpec,
        podMetadata: asDict(pathGet(props, path.slice(0, -1).concat("metadata"))) as ObjectMeta | undefined,
    };
}

export type ContainerList = "containers" | "initContainers" | "ephemeralContainers";
export const containerLists: readonly ContainerList[] = ["containers", "initContainers", "ephemeralContainers"];

export interface ContainerRef {
    list: ContainerList;
    index: number;
    /** Container fields shared by all three lists. */
    container: Container;
    name: string;
    /** Dotted path of the container, e.g. "spec.template.spec.initContainers[0]". */
    readonly path: string;
    /** For messages: `container "app"`, `init container "setup"`, `ephemeral container "debug"`. */
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
        readonly name: string,
        private readonly podPath: string,
    ) {}

    get path(): string {
        return `${this.podPath}.${this.list}[${this.index}]`;
    }

    get label(): string {
        return `${listLabel[this.list]} "${this.name}"`;
    }
}

/** Every container in every list of a pod spec, in order. Entries that are not objects are skipped. */
export function containersOf(pod: PodSpecLocation): ContainerRef[] {
    const refs: ContainerRef[] = [];
    for (const list of containerLists) {
        const entries = asArray((pod.spec as Dict)[list]);
        for (let index = 0; index < entries.length; index++) {
            const container = asDict(entries[index]);
            if (!container) continue;
            refs.push(new ContainerEntry(list, index, container as Container, asString(container.name) ?? `#${index}`, pod.path));
        }
    }
    return refs;
}
