import { asBool, asDict, cisKubernetes, containersOf, kubernetes, podSpecOf, resourcePolicy } from "../../core";

export const k8sNoPrivilegedContainers = resourcePolicy<unknown>({
    name: "k8s-no-privileged-containers",
    description: "No container, init container or ephemeral container runs privileged.",
    severity: "critical",
    enforcementLevel: "mandatory",
    tags: ["kubernetes", "workload", "pss-baseline"],
    framework: cisKubernetes("5.2.2", "Minimize the admission of privileged containers"),
    remediationSteps:
        "Remove `securityContext.privileged: true` from the container (or set it to false). Grant only the specific " +
        "capability the workload needs in `securityContext.capabilities.add`.",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    appliesTo: kubernetes.workloads,
    validate: (props, ctx) => {
        const pod = podSpecOf(ctx.type, props);
        if (!pod) return;
        for (const c of containersOf(pod)) {
            if (asBool(asDict(c.container.securityContext)?.privileged) === true) {
                ctx.violation(`${c.path}.securityContext.privileged`, `is true on ${c.label}`, "remove it or set it to false");
            }
        }
    },
});
