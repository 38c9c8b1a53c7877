import type * as k8s from "@pulumi/kubernetes/types/input";
import { asBool, asDict, asNumber, containersOf, isUnknown, kubernetes, peek, podSpecOf, resourcePolicy, show } from "../../core";
import { judgeEach } from "./container-checks";

/** True for GID 0, written as a number or a numeric string. */
const isRootGroup = (value: unknown) => value !== null && value !== undefined && typeof value !== "boolean" && asNumber(value) === 0;

export const k8sNoRootGroup = resourcePolicy<unknown>({
    name: "k8s-no-root-group",
    description:
        "No pod or container runs with the root group: runAsGroup, fsGroup and supplementalGroups are not 0 (GID 0 can read and write " +
        "files owned by group root, in the image and on volumes). Pods in a user namespace (spec.hostUsers: false) are exempt.",
    severity: "low",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload"],
    remediationSteps:
        "Set `securityContext.runAsGroup` and `fsGroup` to a non-zero GID (e.g. 10001) at pod level, and on containers that set " +
        "`runAsGroup`; remove 0 from `supplementalGroups`.",
    url: "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const pod = podSpecOf(ctx.type, props);
        if (!pod) return;
        const hostUsers = peek(pod.spec, "hostUsers" satisfies keyof k8s.core.v1.PodSpec);
        if (isUnknown(hostUsers)) return ctx.defer(`${pod.path}.hostUsers`, "is computed from another resource, so whether the pod runs in a user namespace is not known until deploy");
        if (asBool(hostUsers) === false) return;
        const fix = "set a non-zero GID, e.g. 10001";
        const judgeField = (context: unknown, path: string, field: keyof k8s.core.v1.PodSecurityContext, where: string, effect: string) =>
            ctx.judge(() => {
                const value = asDict(context)?.[field];
                if (isRootGroup(value)) ctx.violation(`${path}.${field}`, `is ${show(value)} ${where}: ${effect}`, fix);
            });
        const podContext = `${pod.path}.securityContext`;
        ctx.judge(() => {
            const sc = pod.spec.securityContext;
            judgeField(sc, podContext, "runAsGroup", "at pod level", "every container's processes run with the root group");
            judgeField(sc, podContext, "fsGroup", "at pod level", "volumes are made group-owned by root and every process gets the root group");
            judgeEach(ctx, () => asDict(sc)?.["supplementalGroups" satisfies keyof k8s.core.v1.PodSecurityContext], (group, i) => {
                if (isRootGroup(group)) ctx.violation(`${podContext}.supplementalGroups[${i}]`, `is ${show(group)}: every process gets the root group`, "remove 0 from supplementalGroups");
            });
        });
        for (const c of containersOf(pod)) {
            ctx.judge(() => judgeField(c.container.securityContext, `${c.path}.securityContext`, "runAsGroup", `on ${c.label}`, "its processes run with the root group"));
        }
    },
});
