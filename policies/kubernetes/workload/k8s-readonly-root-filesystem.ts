import { asBool, asDict, containersOf, kubernetes, nsaHardening, podSpecOf, resourcePolicy, show } from "../../core";

export const k8sReadonlyRootFilesystem = resourcePolicy<unknown>({
    name: "k8s-readonly-root-filesystem",
    description: "Every container, init container and ephemeral container runs with a read-only root filesystem.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload"],
    framework: nsaHardening("Pod security: immutable container file systems", "Run containers with a read-only root filesystem"),
    remediationSteps:
        "Set `securityContext.readOnlyRootFilesystem: true` on every container; mount an `emptyDir` volume where the " +
        "application needs to write (e.g. /tmp).",
    url: "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const pod = podSpecOf(ctx.type, props);
        if (!pod) return;
        for (const c of containersOf(pod)) {
            ctx.judge(() => {
                const securityContext = asDict(c.container.securityContext);
                const value = securityContext?.readOnlyRootFilesystem;
                if (asBool(value) === true) return;
                if (value === undefined || value === null) {
                    if (pod.isPatch) return;
                    ctx.violation(`${c.path}.securityContext.readOnlyRootFilesystem`, `is absent on ${c.label}, and Kubernetes then mounts a writable root filesystem`, "set it to true and mount emptyDir volumes where writes are needed");
                } else {
                    ctx.violation(`${c.path}.securityContext.readOnlyRootFilesystem`, `is ${show(value)} on ${c.label}`, "set it to true and mount emptyDir volumes where writes are needed");
                }
            });
        }
    },
});
