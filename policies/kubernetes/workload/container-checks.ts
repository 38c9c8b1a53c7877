// What the workload-hygiene policies share: which container lists a check covers, per workload kind.
import type { CheckContext } from "../../core/policy";
import { asArray } from "../../core/values";
import { containersOf, type ContainerRef, type PodSpecLocation } from "../../core/workloads";

/** Kinds whose pods run to completion: they get no liveness or readiness probes. */
export const runToCompletionKinds: readonly string[] = ["Job", "CronJob"];

/** Regular and init containers: ephemeral containers may not set resources, probes or ports. */
export function regularAndInitContainers(pod: PodSpecLocation): ContainerRef[] {
    return containersOf(pod).filter((c) => c.list !== "ephemeralContainers");
}

/**
 * Runs `check` on each entry of a list (a container's env, envFrom, a pod's supplementalGroups), each judged
 * on its own: in a preview an unknown list, or an unknown entry, defers only itself.
 */
export function judgeEach(ctx: CheckContext<unknown>, read: () => unknown, check: (entry: unknown, index: number) => void): void {
    ctx.judge(() => {
        const list = asArray(read());
        for (let index = 0; index < list.length; index++) ctx.judge(() => check(list[index], index));
    });
}
