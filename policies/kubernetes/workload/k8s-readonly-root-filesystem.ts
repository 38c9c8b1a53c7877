import { asBool, asDict, containersOf, deploymentFix, kubernetes, nsaHardening, podSpecOf, resourcePolicy, show } from "../../core";

export const k8sReadonlyRootFilesystem = resourcePolicy<unknown>({
    name: "k8s-readonly-root-filesystem",
    displayName: "Read-only root filesystem",
    description: "Every container, init container and ephemeral container runs with a read-only root filesystem.",
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["kubernetes", "workload"],
    framework: nsaHardening("Kubernetes Pod security", "Immutable container file systems"),
    why: "A writable root file system lets an attacker drop tools and change binaries or configuration inside the running container.",
    fixExample: deploymentFix(`
        volumes:
          - name: tmp
            emptyDir: {}
        containers:
          - name: app
            image: registry.example.com/shop/web:1.4.2
            volumeMounts:
              - {name: tmp, mountPath: /tmp}
            securityContext:
              readOnlyRootFilesystem: true
    `),
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
