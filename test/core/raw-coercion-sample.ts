// Sample for the raw-coercion finder's own test: the lines marked `raw` must be found, the others not.
import type * as k8s from "@pulumi/kubernetes/types/input";
import type { Unwrap } from "@pulumi/pulumi";

type Pod = Unwrap<k8s.core.v1.Pod>;

export function samples(pod: Pod, value: unknown, count: number, name: string | undefined): string[] {
    return [
        `${pod.metadata?.name}`, // raw: an SDK field typed string
        String(value), // raw: unknown
        `${value as string}`, // raw: an assertion over unknown
        `${pod.spec}`, // raw: an object
        `${count} pods named ${name}`,
        String(count),
        `${JSON.stringify(name)}`,
    ];
}
