// What the workload-hygiene policies share: which container lists a check covers, per workload kind.
import { containersOf, type ContainerRef, type PodSpecLocation } from "../../core/workloads";

/** Kinds whose pods run to completion: they get no liveness or readiness probes. */
export const runToCompletionKinds: readonly string[] = ["Job", "CronJob"];

/** Regular and init containers: ephemeral containers may not set resources, probes or ports. */
export function regularAndInitContainers(pod: PodSpecLocation): ContainerRef[] {
    return containersOf(pod).filter((c) => c.list !== "ephemeralContainers");
}
